package dev.parallax.gc.lang.syntax;

import dev.parallax.gc.lang.ScriptException;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for the script language. The grammar is the MMTk Harness's, with
 * {@code option} lines, chained field access, left-associative operators, closures ({@code fn})
 * and function types added:
 *
 * <pre>
 * script   := (option | type | method)*
 * option   := 'option' NAME STRING ';'
 * type     := 'type' NAME '{' (TYPE NAME ';')+ '}'
 * method   := [TYPE] NAME '(' [TYPE NAME (',' TYPE NAME)*] ')' (block | intrinsic)
 * intrinsic:= 'intrinsic' 'class' STRING 'method' STRING ['signature' '(' [STRING (',' STRING)*] ')'] ';'
 * TYPE     := NAME | 'fn' '(' [TYPE (',' TYPE)*] ')' ['->' TYPE]
 * stmt     := 'if' '(' e ')' block ('elif' '(' e ')' block)* ['else' block] | 'while' '(' e ')' block
 *           | 'return' [e] ';' | TYPE NAME ['=' e] ';' | target '=' e ';' | call ';'
 * e        := or;  or := and ('||' and)*;  and := cmp ('&amp;&amp;' cmp)*;  cmp := add [op add]
 * add      := mul (('+'|'-') mul)*;  mul := unary (('*'|'/'|'%') unary)*;  unary := ('!'|'-') unary | post
 * post     := primary ('.' NAME ['[' e ']'])*
 * primary  := INT | STRING | 'true' | 'false' | 'null' | '(' e ')' | 'alloc' '(' args ')' | NAME ['(' args ')']
 *           | 'fn' '(' params ')' ['->' TYPE] block
 * </pre>
 *
 * Errors are {@link ScriptException}s of kind SYNTAX at the offending token.
 */
public final class Parser {
    private final SourceFile source;
    private final List<Token> tokens;
    private int at;

    private Parser(SourceFile source) {
        this.source = source;
        this.tokens = Lexer.tokens(source);
    }

    /** Parses a whole script. @throws ScriptException at the first syntax error */
    public static Ast.Script parse(SourceFile source) {
        return new Parser(source).script();
    }

    private Ast.Script script() {
        List<Ast.OptionLine> options = new ArrayList<>();
        List<Ast.TypeDecl> types = new ArrayList<>();
        List<Ast.MethodDecl> methods = new ArrayList<>();
        while (!at(TokenKind.EOF)) {
            if (at(TokenKind.OPTION)) {
                options.add(option());
            } else if (at(TokenKind.TYPE)) {
                types.add(typeDecl());
            } else if (at(TokenKind.IDENT) || at(TokenKind.FN)) {
                methods.add(method());
            } else {
                throw unexpected("an option, a type declaration or a method");
            }
        }
        return new Ast.Script(source, options, types, methods);
    }

    private Ast.OptionLine option() {
        Pos pos = expect(TokenKind.OPTION, "").pos();
        String name = expect(TokenKind.IDENT, "an option name after 'option'").text();
        String value = expect(TokenKind.STRING, "the option's value as a string, as in option " + name + " \"...\";")
                .text();
        expect(TokenKind.SEMI, "';' after the option");
        return new Ast.OptionLine(pos, name, value);
    }

    private Ast.TypeDecl typeDecl() {
        Pos pos = expect(TokenKind.TYPE, "").pos();
        String name = expect(TokenKind.IDENT, "the type's name after 'type'").text();
        expect(TokenKind.LBRACE, "'{' after 'type " + name + "'");
        List<Ast.FieldDecl> fields = new ArrayList<>();
        do {
            Ast.TypeRef type = type("a field type");
            Token field = expect(TokenKind.IDENT, "the field's name");
            expect(TokenKind.SEMI, "';' after field '" + field.text() + "'");
            fields.add(new Ast.FieldDecl(type.pos(), type, field.text()));
        } while (!at(TokenKind.RBRACE));
        expect(TokenKind.RBRACE, "'}'");
        return new Ast.TypeDecl(pos, name, fields);
    }

    private Ast.MethodDecl method() {
        Pos pos = peek().pos();
        Ast.TypeRef result = null;
        if (!(at(TokenKind.IDENT) && peek(1).kind() == TokenKind.LPAREN)) {
            result = type("a method's result type or name");
        }
        Token name = expect(TokenKind.IDENT, "the method's name");
        List<Ast.Param> params = params();
        if (at(TokenKind.INTRINSIC)) {
            return new Ast.MethodDecl(pos, result, name.text(), params, null, intrinsic());
        }
        return new Ast.MethodDecl(pos, result, name.text(), params, block("the body of method '" + name.text() + "'"),
                null);
    }

    private List<Ast.Param> params() {
        expect(TokenKind.LPAREN, "'(' before the parameters");
        List<Ast.Param> params = new ArrayList<>();
        if (!at(TokenKind.RPAREN)) {
            do {
                Ast.TypeRef type = type("a parameter type");
                Token name = expect(TokenKind.IDENT, "the parameter's name");
                params.add(new Ast.Param(type.pos(), type, name.text()));
            } while (accept(TokenKind.COMMA));
        }
        expect(TokenKind.RPAREN, "')' after the parameters");
        return params;
    }

    private Ast.Intrinsic intrinsic() {
        Pos pos = expect(TokenKind.INTRINSIC, "").pos();
        word("class");
        String className = expect(TokenKind.STRING, "the Java class name as a string").text();
        word("method");
        String methodName = expect(TokenKind.STRING, "the Java method name as a string").text();
        List<String> signature = null;
        if (at(TokenKind.IDENT) && peek().text().equals("signature")) {
            at++;
            expect(TokenKind.LPAREN, "'(' after 'signature'");
            signature = new ArrayList<>();
            if (!at(TokenKind.RPAREN)) {
                do {
                    signature.add(expect(TokenKind.STRING, "a Java parameter type as a string").text());
                } while (accept(TokenKind.COMMA));
            }
            expect(TokenKind.RPAREN, "')' after the signature");
        }
        expect(TokenKind.SEMI, "';' after the intrinsic declaration");
        return new Ast.Intrinsic(pos, className, methodName, signature);
    }

    /** A contextual word of the intrinsic declaration: {@code class}, {@code method}. */
    private void word(String word) {
        if (!(at(TokenKind.IDENT) && peek().text().equals(word))) {
            throw unexpected("'" + word + "'");
        }
        at++;
    }

    private Ast.TypeRef type(String what) {
        if (at(TokenKind.FN)) {
            Pos pos = next().pos();
            expect(TokenKind.LPAREN, "'(' after 'fn' in a function type");
            List<Ast.TypeRef> params = new ArrayList<>();
            if (!at(TokenKind.RPAREN)) {
                do {
                    params.add(type("a parameter type"));
                } while (accept(TokenKind.COMMA));
            }
            expect(TokenKind.RPAREN, "')' after the function type's parameter types");
            Ast.TypeRef result = accept(TokenKind.ARROW) ? type("the result type after '->'") : null;
            return new Ast.FnType(pos, params, result);
        }
        Token name = expect(TokenKind.IDENT, what);
        return new Ast.NamedType(name.pos(), name.text());
    }

    // ---- statements -------------------------------------------------------------------------------

    private Ast.Block block(String what) {
        Pos pos = expect(TokenKind.LBRACE, "'{' to open " + what).pos();
        List<Ast.Stmt> stmts = new ArrayList<>();
        while (!at(TokenKind.RBRACE)) {
            if (at(TokenKind.EOF)) {
                throw unexpected("'}' to close " + what + " (opened at " + pos + ")");
            }
            stmts.add(statement());
        }
        at++;
        return new Ast.Block(pos, stmts);
    }

    private Ast.Stmt statement() {
        Token first = peek();
        switch (first.kind()) {
            case IF -> {
                return ifStatement();
            }
            case WHILE -> {
                at++;
                Ast.Expr cond = condition("while");
                return new Ast.While(first.pos(), cond, block("the loop body"));
            }
            case RETURN -> {
                at++;
                Ast.Expr value = at(TokenKind.SEMI) ? null : expression();
                expect(TokenKind.SEMI, "';' after the return statement");
                return new Ast.Return(first.pos(), value);
            }
            case FN -> {
                return declaration();
            }
            case LBRACE -> {
                return block("a block");
            }
            default -> {
            }
        }
        if (first.kind() == TokenKind.IDENT && peek(1).kind() == TokenKind.IDENT) {
            return declaration();
        }
        Ast.Expr target = postfix();
        if (accept(TokenKind.ASSIGN)) {
            if (!(target instanceof Ast.Name || target instanceof Ast.Field)) {
                throw new ScriptException(ScriptException.Kind.SYNTAX, source.name(), target.pos(), null,
                        "only a variable or a field can be assigned to");
            }
            Ast.Expr value = expression();
            expect(TokenKind.SEMI, "';' after the assignment");
            return new Ast.Assign(first.pos(), target, value);
        }
        if (!(target instanceof Ast.Call)) {
            throw new ScriptException(ScriptException.Kind.SYNTAX, source.name(), first.pos(), null,
                    "a statement must be a declaration, an assignment or a call; found "
                            + (at(TokenKind.SEMI) ? "an expression" : peek().describe()));
        }
        expect(TokenKind.SEMI, "';' after the call");
        return new Ast.ExprStmt(first.pos(), target);
    }

    private Ast.Stmt declaration() {
        Ast.TypeRef type = type("a type");
        Token name = expect(TokenKind.IDENT, "the variable's name after its type");
        Ast.Expr init = accept(TokenKind.ASSIGN) ? expression() : null;
        expect(TokenKind.SEMI, "';' after the declaration of '" + name.text() + "'");
        return new Ast.Declare(type.pos(), type, name.text(), init);
    }

    private Ast.Stmt ifStatement() {
        Pos pos = next().pos();
        List<Ast.Expr> conds = new ArrayList<>();
        List<Ast.Block> blocks = new ArrayList<>();
        conds.add(condition("if"));
        blocks.add(block("the if branch"));
        while (at(TokenKind.ELIF)) {
            at++;
            conds.add(condition("elif"));
            blocks.add(block("the elif branch"));
        }
        Ast.Block otherwise = accept(TokenKind.ELSE) ? block("the else branch") : null;
        return new Ast.If(pos, conds, blocks, otherwise);
    }

    private Ast.Expr condition(String keyword) {
        expect(TokenKind.LPAREN, "'(' after '" + keyword + "'");
        Ast.Expr cond = expression();
        expect(TokenKind.RPAREN, "')' after the " + keyword + " condition");
        return cond;
    }

    // ---- expressions ------------------------------------------------------------------------------

    private Ast.Expr expression() {
        Ast.Expr left = conjunction();
        while (at(TokenKind.OR)) {
            Token op = next();
            left = new Ast.Binary(op.pos(), op.kind(), left, conjunction());
        }
        return left;
    }

    private Ast.Expr conjunction() {
        Ast.Expr left = comparison();
        while (at(TokenKind.AND)) {
            Token op = next();
            left = new Ast.Binary(op.pos(), op.kind(), left, comparison());
        }
        return left;
    }

    private Ast.Expr comparison() {
        Ast.Expr left = sum();
        if (at(TokenKind.LT) || at(TokenKind.LE) || at(TokenKind.GT) || at(TokenKind.GE) || at(TokenKind.EQ)
                || at(TokenKind.NE)) {
            Token op = next();
            Ast.Expr right = sum();
            if (at(TokenKind.LT) || at(TokenKind.LE) || at(TokenKind.GT) || at(TokenKind.GE) || at(TokenKind.EQ)
                    || at(TokenKind.NE)) {
                throw unexpected("an end to the comparison (comparisons do not chain; use parentheses and && )");
            }
            return new Ast.Binary(op.pos(), op.kind(), left, right);
        }
        return left;
    }

    private Ast.Expr sum() {
        Ast.Expr left = product();
        while (at(TokenKind.PLUS) || at(TokenKind.MINUS)) {
            Token op = next();
            left = new Ast.Binary(op.pos(), op.kind(), left, product());
        }
        return left;
    }

    private Ast.Expr product() {
        Ast.Expr left = unary();
        while (at(TokenKind.STAR) || at(TokenKind.SLASH) || at(TokenKind.PERCENT)) {
            Token op = next();
            left = new Ast.Binary(op.pos(), op.kind(), left, unary());
        }
        return left;
    }

    private Ast.Expr unary() {
        if (at(TokenKind.BANG) || at(TokenKind.MINUS)) {
            Token op = next();
            if (op.kind() == TokenKind.MINUS && at(TokenKind.INT)) { // so that -2147483648 is a literal
                Token digits = next();
                return postfixOf(new Ast.IntLit(op.pos(), -literal(digits, true)));
            }
            return new Ast.Unary(op.pos(), op.kind(), unary());
        }
        return postfix();
    }

    private Ast.Expr postfix() {
        return postfixOf(primary());
    }

    private Ast.Expr postfixOf(Ast.Expr e) {
        while (at(TokenKind.DOT)) {
            Token dot = next();
            Token field = expect(TokenKind.IDENT, "a field name after '.'");
            Ast.Expr index = null;
            if (accept(TokenKind.LBRACKET)) {
                index = expression();
                expect(TokenKind.RBRACKET, "']' after the field index");
            }
            e = new Ast.Field(dot.pos(), e, field.text(), index);
        }
        return e;
    }

    private Ast.Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case INT -> {
                at++;
                return new Ast.IntLit(t.pos(), literal(t, false));
            }
            case STRING -> {
                at++;
                return new Ast.StringLit(t.pos(), t.text());
            }
            case TRUE, FALSE -> {
                at++;
                return new Ast.BoolLit(t.pos(), t.kind() == TokenKind.TRUE);
            }
            case NULL -> {
                at++;
                return new Ast.NullLit(t.pos());
            }
            case LPAREN -> {
                at++;
                Ast.Expr e = expression();
                expect(TokenKind.RPAREN, "')'");
                return e;
            }
            case ALLOC -> {
                at++;
                return new Ast.Alloc(t.pos(), arguments("alloc"));
            }
            case FN -> {
                at++;
                List<Ast.Param> params = params();
                Ast.TypeRef result = accept(TokenKind.ARROW) ? type("the result type after '->'") : null;
                return new Ast.Lambda(t.pos(), params, result, block("the function's body"));
            }
            case IDENT -> {
                at++;
                if (at(TokenKind.LPAREN)) {
                    return new Ast.Call(t.pos(), t.text(), arguments(t.text()));
                }
                return new Ast.Name(t.pos(), t.text());
            }
            default -> throw unexpected("an expression");
        }
    }

    private List<Ast.Expr> arguments(String callee) {
        expect(TokenKind.LPAREN, "'(' after '" + callee + "'");
        List<Ast.Expr> args = new ArrayList<>();
        if (!at(TokenKind.RPAREN)) {
            do {
                args.add(expression());
            } while (accept(TokenKind.COMMA));
        }
        expect(TokenKind.RPAREN, "')' after the arguments of '" + callee + "'");
        return args;
    }

    /** An integer literal's value; up to 2147483648 when it follows a minus sign. */
    private long literal(Token t, boolean negated) {
        long limit = negated ? 2147483648L : Integer.MAX_VALUE;
        if (t.text().length() > 10 || Long.parseLong(t.text()) > limit) {
            throw new ScriptException(ScriptException.Kind.SYNTAX, source.name(), t.pos(), null,
                    "integer " + t.text() + " is out of range (ints are 32 bits: -2147483648 to 2147483647)");
        }
        return Long.parseLong(t.text());
    }

    // ---- tokens -----------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(at);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    private Token next() {
        return tokens.get(at++);
    }

    private boolean accept(TokenKind kind) {
        if (at(kind)) {
            at++;
            return true;
        }
        return false;
    }

    private Token expect(TokenKind kind, String what) {
        if (!at(kind)) {
            throw unexpected(what.isEmpty() ? kind.describe() : what);
        }
        return next();
    }

    private ScriptException unexpected(String expected) {
        Token t = peek();
        return new ScriptException(ScriptException.Kind.SYNTAX, source.name(), t.pos(), null,
                "expected " + expected + ", found " + t.describe());
    }
}
