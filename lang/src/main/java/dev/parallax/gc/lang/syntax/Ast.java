package dev.parallax.gc.lang.syntax;

import java.util.List;

/**
 * The syntax tree of a script, as the {@link Parser} reads it: declarations, statements and
 * expressions with their positions, before names and types are resolved (the checker does that).
 */
public final class Ast {
    private Ast() {
    }

    /** A whole script: its option lines, type declarations and methods, in source order. */
    public record Script(SourceFile source, List<OptionLine> options, List<TypeDecl> types, List<MethodDecl> methods) {
        public Script {
            options = List.copyOf(options);
            types = List.copyOf(types);
            methods = List.copyOf(methods);
        }
    }

    /** {@code option NAME "VALUE";} */
    public record OptionLine(Pos pos, String name, String value) {
    }

    /** {@code type NAME { TYPE field; ... }} */
    public record TypeDecl(Pos pos, String name, List<FieldDecl> fields) {
        public TypeDecl {
            fields = List.copyOf(fields);
        }
    }

    public record FieldDecl(Pos pos, TypeRef type, String name) {
    }

    /**
     * A method: {@code [TYPE] name(params) { ... }}, or bound to a Java method with
     * {@code intrinsic class "..." method "..." [signature (...)];} (then {@code body} is null).
     *
     * @param result the declared result type, or null for none (void)
     */
    public record MethodDecl(Pos pos, TypeRef result, String name, List<Param> params, Block body, Intrinsic intrinsic) {
        public MethodDecl {
            params = List.copyOf(params);
        }
    }

    /** @param signature the Java parameter type names, or null when the declaration gives none */
    public record Intrinsic(Pos pos, String className, String methodName, List<String> signature) {
    }

    public record Param(Pos pos, TypeRef type, String name) {
    }

    /** A type as written. */
    public sealed interface TypeRef {
        Pos pos();
    }

    /** {@code int}, {@code object}, a declared type's name... */
    public record NamedType(Pos pos, String name) implements TypeRef {
    }

    /** {@code fn(int, object) -> int}; {@code result} is null for {@code fn(...)} without an arrow (void). */
    public record FnType(Pos pos, List<TypeRef> params, TypeRef result) implements TypeRef {
        public FnType {
            params = List.copyOf(params);
        }
    }

    // ---- statements ---------------------------------------------------------------------------

    public sealed interface Stmt {
        Pos pos();
    }

    public record Block(Pos pos, List<Stmt> stmts) implements Stmt {
        public Block {
            stmts = List.copyOf(stmts);
        }
    }

    /** {@code TYPE name [= init];}; {@code init} may be null. */
    public record Declare(Pos pos, TypeRef type, String name, Expr init) implements Stmt {
    }

    /** {@code target = value;} where target is a name or a field. */
    public record Assign(Pos pos, Expr target, Expr value) implements Stmt {
    }

    /** A call used as a statement. */
    public record ExprStmt(Pos pos, Expr expr) implements Stmt {
    }

    /** {@code if (c) {..} elif (c) {..} else {..}}: one block per condition, {@code otherwise} may be null. */
    public record If(Pos pos, List<Expr> conds, List<Block> blocks, Block otherwise) implements Stmt {
        public If {
            conds = List.copyOf(conds);
            blocks = List.copyOf(blocks);
        }
    }

    public record While(Pos pos, Expr cond, Block body) implements Stmt {
    }

    /** {@code return [value];}; {@code value} may be null. */
    public record Return(Pos pos, Expr value) implements Stmt {
    }

    // ---- expressions --------------------------------------------------------------------------

    public sealed interface Expr {
        Pos pos();
    }

    public record IntLit(Pos pos, long value) implements Expr {
    }

    public record StringLit(Pos pos, String value) implements Expr {
    }

    public record BoolLit(Pos pos, boolean value) implements Expr {
    }

    public record NullLit(Pos pos) implements Expr {
    }

    /** A variable. */
    public record Name(Pos pos, String name) implements Expr {
    }

    /** {@code name(args)}: a method, a built-in, or a function-valued variable. */
    public record Call(Pos pos, String name, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code alloc(refs, ints[, align])}, or {@code alloc(TypeName)} when {@code args} is one {@link Name}. */
    public record Alloc(Pos pos, List<Expr> args) implements Expr {
        public Alloc {
            args = List.copyOf(args);
        }
    }

    /** {@code object.name}, or {@code object.object[index]} / {@code object.int[index]} when index is not null. */
    public record Field(Pos pos, Expr object, String name, Expr index) implements Expr {
    }

    /** {@code !e} or {@code -e}. */
    public record Unary(Pos pos, TokenKind op, Expr operand) implements Expr {
    }

    public record Binary(Pos pos, TokenKind op, Expr left, Expr right) implements Expr {
    }

    /** {@code fn (params) [-> TYPE] { body }}: a closure over the variables it names. */
    public record Lambda(Pos pos, List<Param> params, TypeRef result, Block body) implements Expr {
        public Lambda {
            params = List.copyOf(params);
        }
    }
}
