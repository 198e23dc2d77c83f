package dev.parallax.gc.lang.ir;

import dev.parallax.gc.lang.types.Type;
import dev.parallax.gc.lang.types.TypeInfo;

import java.util.List;

/**
 * The checked tree both engines run: names resolved to variables, methods and fields, types known,
 * implicit conversions made explicit ({@link Cast}, {@link Truth}).
 *
 * <h2>Evaluation order and safepoints</h2>
 * A node evaluates its operands left to right, then does its own work. Variable reads and constants
 * ({@link #isDeferrable deferrable} operands) may be read when their value is used instead: nothing
 * in an expression can assign a variable, so the value is the same. A reference operand that is not
 * deferrable and is followed by an operand that may reach a safepoint is wrapped in {@link Held}:
 * the engine keeps it in a reference slot of the frame (a temporary) across that safepoint, since a
 * collection may move or free an object held only in a Java local.
 */
public final class Ir {
    private Ir() {
    }

    // ---- expressions ------------------------------------------------------------------------------

    public sealed interface Expr {
        Site site();

        Type type();
    }

    public record IntConst(Site site, int value) implements Expr {
        public Type type() {
            return Type.INT;
        }
    }

    public record BoolConst(Site site, boolean value) implements Expr {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    public record StrConst(Site site, String value) implements Expr {
        public Type type() {
            return Type.STRING;
        }
    }

    public record NullConst(Site site) implements Expr {
        public Type type() {
            return Type.NULL;
        }
    }

    /** A variable's value. */
    public record Local(Site site, Var var) implements Expr {
        public Type type() {
            return var.type();
        }
    }

    /** Inside a closure: captured variable {@code index} of the environment held by {@code env}. */
    public record Captured(Site site, Var env, int index, Type type) implements Expr {
    }

    /** {@code -e} on an int, {@code !e} on a boolean. */
    public record Unary(Site site, boolean negate, Expr operand) implements Expr {
        public Type type() {
            return negate ? Type.INT : Type.BOOLEAN;
        }
    }

    /** An int or reference used as a condition: true when non-zero, non-null. */
    public record Truth(Site site, Expr operand) implements Expr {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    public enum ArithOp { ADD, SUB, MUL, DIV, REM }

    /** 32-bit integer arithmetic, wrapping on overflow; division by zero is a runtime error. */
    public record Arith(Site site, ArithOp op, Expr left, Expr right) implements Expr {
        public Type type() {
            return Type.INT;
        }
    }

    public enum CmpOp { LT, LE, GT, GE, EQ, NE }

    /**
     * A comparison: ordering on ints; equality on ints, booleans, strings (by value) or references
     * (by identity: the same object, or both null).
     */
    public record Compare(Site site, CmpOp op, Expr left, Expr right) implements Expr {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    /** {@code &&} ({@code and}) or {@code ||}, short-circuit. */
    public record Logic(Site site, boolean and, Expr left, Expr right) implements Expr {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    /** String concatenation; each operand is turned into text as soon as it is evaluated. */
    public record Concat(Site site, Expr left, Expr right) implements Expr {
        public Type type() {
            return Type.STRING;
        }
    }

    /** {@code alloc(refs, ints[, align])} with counts known only at run time. */
    public record AllocDynamic(Site site, Expr refs, Expr ints, Expr align) implements Expr {
        public Type type() {
            return Type.OBJECT;
        }
    }

    /** {@code alloc(TypeName)}, or {@code alloc(refs, ints)} with constant counts. */
    public record AllocFixed(Site site, Layout layout) implements Expr {
        public Type type() {
            return layout.info() == null ? Type.OBJECT : new Type.User(layout.info());
        }
    }

    /** {@code o.object[i]} ({@code refs}) or {@code o.int[i]}: checked against the object's layout at run time. */
    public record ReadIndexed(Site site, Expr object, boolean refs, Expr index) implements Expr {
        public Type type() {
            return refs ? Type.OBJECT : Type.INT;
        }
    }

    /** {@code o.name} on a value of a declared type. */
    public record ReadNamed(Site site, Expr object, TypeInfo.Field field) implements Expr {
        public Type type() {
            return field.type();
        }
    }

    /** A call of a script method (not an intrinsic). */
    public record Call(Site site, MethodInfo target, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        public Type type() {
            return target.result();
        }
    }

    /** A call of an intrinsic method (a registered Java static method; never touches the heap). */
    public record CallIntrinsic(Site site, MethodInfo target, List<Expr> args) implements Expr {
        public CallIntrinsic {
            args = List.copyOf(args);
        }

        public Type type() {
            return target.result();
        }
    }

    /** A call of a function value: the closure's code id picks the body. */
    public record CallClosure(Site site, Expr function, Type.Fn fnType, List<Expr> args) implements Expr {
        public CallClosure {
            args = List.copyOf(args);
        }

        public Type type() {
            return fnType.result();
        }
    }

    /**
     * A closure: allocates its environment (a CLOSURE object with the body's code id), then stores
     * each captured value (read after the allocation, from {@link Local} or {@link Captured} nodes).
     */
    public record MakeClosure(Site site, MethodInfo body, List<Expr> captures) implements Expr {
        public MakeClosure {
            captures = List.copyOf(captures);
        }

        public Type type() {
            return body.closure().type();
        }
    }

    /** A reference seen as {@code target}, checked at run time (a declared type, a box, a function type). */
    public record Cast(Site site, Expr value, Type target) implements Expr {
        public Type type() {
            return target;
        }
    }

    /** The built-in functions. */
    public enum BuiltinOp {
        GC(true), GC_COUNT(false), THREAD_ID(false), HASH(false), SET_SEED(false), RANDOM(false),
        BARRIER_WAIT(true), BOX(true), BOX_DOUBLE(true), UNBOX(false), DESCRIBE(false), HEAP_DUMP(false),
        SET_OPTION(false), WEAK_REF(true), SOFT_REF(true), PHANTOM_REF(true), GET_REFERENT(false);

        private final boolean safepoint;

        BuiltinOp(boolean safepoint) {
            this.safepoint = safepoint;
        }

        /** Whether the built-in may run a collection. */
        public boolean safepoint() {
            return safepoint;
        }
    }

    public record Builtin(Site site, BuiltinOp op, List<Expr> args, Type type) implements Expr {
        public Builtin {
            args = List.copyOf(args);
        }
    }

    /**
     * An operand kept in reference temporary {@code temp} (frame slot {@code method.tempSlot(temp)})
     * from its evaluation until its parent uses it, across the safepoints of later operands.
     */
    public record Held(Site site, Expr value, int temp) implements Expr {
        public Type type() {
            return value.type();
        }
    }

    /** Whether an operand may be read when used rather than in order: a variable or a constant. */
    public static boolean isDeferrable(Expr e) {
        return e instanceof Local || e instanceof Captured || e instanceof IntConst || e instanceof BoolConst
                || e instanceof StrConst || e instanceof NullConst;
    }

    // ---- statements -------------------------------------------------------------------------------

    public sealed interface Stmt {
        Site site();
    }

    /**
     * A block; {@code scoped} are the variables declared directly in it, whose slots are cleared when
     * it ends (so that a frame holds no reference of a variable out of scope).
     */
    public record Block(Site site, List<Stmt> stmts, List<Var> scoped) implements Stmt {
        public Block {
            stmts = List.copyOf(stmts);
            scoped = List.copyOf(scoped);
        }
    }

    /** A variable's declaration (with its initial or default value) or assignment. */
    public record Assign(Site site, Var var, Expr value) implements Stmt {
    }

    /** Inside a closure: assigns captured variable {@code index} in the environment (through the write barrier). */
    public record AssignCaptured(Site site, Var env, int index, Expr value) implements Stmt {
    }

    /** {@code o.object[i] = v} or {@code o.int[i] = v}, checked at run time. */
    public record WriteIndexed(Site site, Expr object, boolean refs, Expr index, Expr value) implements Stmt {
    }

    /** {@code o.name = v} on a value of a declared type. */
    public record WriteNamed(Site site, Expr object, TypeInfo.Field field, Expr value) implements Stmt {
    }

    /** One block per condition, then {@code otherwise} (may be null). */
    public record If(Site site, List<Expr> conds, List<Block> blocks, Block otherwise) implements Stmt {
        public If {
            conds = List.copyOf(conds);
            blocks = List.copyOf(blocks);
        }
    }

    /** A loop; the end of its body is a back-edge (a safepoint where the policy polls there). */
    public record While(Site site, Expr cond, Block body) implements Stmt {
    }

    /** {@code return [value];} (value null in a void method). */
    public record Return(Site site, Expr value) implements Stmt {
    }

    /** A call whose result is dropped. */
    public record Eval(Site site, Expr expr) implements Stmt {
    }

    /** {@code print(parts...)}: the parts' text, concatenated, as one line. */
    public record Print(Site site, List<Expr> parts) implements Stmt {
        public Print {
            parts = List.copyOf(parts);
        }
    }

    /** {@code assert(cond, parts...)}: a runtime error naming the parts' text when cond is false. */
    public record Assert(Site site, Expr cond, List<Expr> parts) implements Stmt {
        public Assert {
            parts = List.copyOf(parts);
        }
    }

    /** {@code expect(OutOfMemory);}: the thread passes only if it later runs out of memory. */
    public record Expect(Site site) implements Stmt {
    }

    /**
     * {@code spawn(method, args...)}: runs the method in a new mutator thread. Every reference argument
     * is {@link Held}: the new thread copies it from the spawning thread's frame.
     */
    public record Spawn(Site site, MethodInfo target, List<Expr> args) implements Stmt {
        public Spawn {
            args = List.copyOf(args);
        }
    }
}
