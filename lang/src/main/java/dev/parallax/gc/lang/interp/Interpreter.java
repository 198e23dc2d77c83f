package dev.parallax.gc.lang.interp;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.lang.ir.Ir;
import dev.parallax.gc.lang.ir.Layout;
import dev.parallax.gc.lang.ir.MethodInfo;
import dev.parallax.gc.lang.ir.Var;
import dev.parallax.gc.lang.run.Builtins;
import dev.parallax.gc.lang.run.Engine;
import dev.parallax.gc.lang.run.ScriptContext;
import dev.parallax.gc.lang.run.ScriptThread;
import dev.parallax.gc.lang.types.Type;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference engine: walks the checked tree. Its frames are the mutator's, so they are precise
 * roots: every call pushes a zeroed frame of the method's shape (reference slots for reference
 * variables and temporaries, raw slots for ints and booleans), every variable lives in its slot and
 * is read from it when used, and a reference operand held across a later operand's safepoint lives
 * in a temporary slot ({@link Ir.Held}). Slots of variables whose block ended and temporaries once
 * used are cleared, so at every safepoint the frame holds exactly the references still in scope.
 * Strings live beside the frame in a Java array. Function entries and loop back-edges are declared
 * to the mutator, which polls there if the safepoint policy says so.
 */
public final class Interpreter implements Engine {
    @Override
    public String name() {
        return "interp";
    }

    @Override
    public Program prepare(ScriptContext context) {
        Map<MethodInfo, FrameShape> frames = new ConcurrentHashMap<>();
        String prefix = "interp " + context.script().source().shortName() + ":";
        for (MethodInfo m : context.script().methods()) {
            if (m.body() != null) {
                int[] refs = new int[m.refSlots()];
                for (int i = 0; i < refs.length; i++) {
                    refs[i] = i;
                }
                frames.put(m, context.runtime().frames().define(prefix + m.name(), m.refSlots() + m.rawSlots(), refs));
            }
        }
        Map<Layout, Shape> shapes = new ConcurrentHashMap<>();
        return (thread, method, args) -> new Exec(thread, frames, shapes).entry(method, args);
    }

    /** One thread's evaluator. */
    private static final class Exec {
        private static final boolean RETURNED = true;

        private final ScriptThread t;
        private final Mutator m;
        private final Map<MethodInfo, FrameShape> frames;
        private final Map<Layout, Shape> shapes;

        Exec(ScriptThread t, Map<MethodInfo, FrameShape> frames, Map<Layout, Shape> shapes) {
            this.t = t;
            this.m = t.mutator();
            this.frames = frames;
            this.shapes = shapes;
        }

        /** One activation: the method, its strings, and its result once it returns. */
        private static final class Act {
            final MethodInfo method;
            final String[] strings;
            long result;
            String resultString;

            Act(MethodInfo method) {
                this.method = method;
                this.strings = new String[method.stringSlots()];
            }
        }

        void entry(MethodInfo method, Object[] args) {
            long[] words = new long[args.length];
            String[] strings = new String[args.length];
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case Integer n -> words[i] = n;
                    case Boolean b -> words[i] = b ? 1 : 0;
                    case Long address -> words[i] = address;
                    case String s -> strings[i] = s;
                    default -> throw new IllegalArgumentException("argument " + args[i]);
                }
            }
            invoke(method, words, strings);
        }

        /** Calls a method with its arguments (addresses valid until the first safepoint, which comes after they are stored). */
        Act invoke(MethodInfo method, long[] words, String[] strings) {
            return invoke(method, words, strings, method.site());
        }

        private Act invoke(MethodInfo method, long[] words, String[] strings, dev.parallax.gc.lang.ir.Site callSite) {
            if (method.intrinsic() != null) {
                Act a = new Act(method);
                Object[] args = new Object[words.length];
                for (int i = 0; i < args.length; i++) {
                    Type type = method.params().get(i).type();
                    args[i] = type == Type.STRING ? strings[i] : type == Type.BOOLEAN ? (Object) (words[i] != 0)
                            : (Object) (int) words[i];
                }
                Object r = Builtins.callIntrinsic(method, args, callSite);
                if (r instanceof Integer n) {
                    a.result = n;
                } else if (r instanceof Boolean b) {
                    a.result = b ? 1 : 0;
                } else if (r instanceof String s) {
                    a.resultString = s;
                }
                return a;
            }
            Act a = new Act(method);
            m.pushFrame(frames.get(method));
            List<Var> params = method.params();
            for (int i = 0; i < params.size(); i++) {
                store(a, params.get(i), words[i], strings[i]);
            }
            m.functionEntry();
            boolean returned = block(method.body(), a);
            if (!returned && method.result() != Type.VOID) {
                throw Builtins.missingReturn(method.site(), method.name(), method.result());
            }
            m.popFrame();
            return a;
        }

        // ---- variables ----------------------------------------------------------------------------

        private void store(Act a, Var v, long word, String string) {
            switch (v.kind()) {
                case REFERENCE -> m.setRef(v.slot(), word);
                case RAW -> m.setRaw(a.method.refSlots() + v.slot(), word);
                case STRING -> a.strings[v.slot()] = string;
            }
        }

        private long load(Act a, Var v) {
            return v.isReference() ? m.ref(v.slot()) : m.slot(a.method.refSlots() + v.slot());
        }

        // ---- statements ---------------------------------------------------------------------------

        /** Runs a block; true when a return statement ended it. */
        private boolean block(Ir.Block block, Act a) {
            for (Ir.Stmt s : block.stmts()) {
                if (stmt(s, a) == RETURNED) {
                    return RETURNED;
                }
            }
            for (Var v : block.scoped()) {
                if (v.isReference()) {
                    m.clear(v.slot());
                } else if (v.kind() == Var.Kind.STRING) {
                    a.strings[v.slot()] = null;
                }
            }
            return false;
        }

        private boolean stmt(Ir.Stmt s, Act a) {
            switch (s) {
                case Ir.Block b -> {
                    return block(b, a);
                }
                case Ir.Assign as -> {
                    if (as.var().kind() == Var.Kind.STRING) {
                        a.strings[as.var().slot()] = string(as.value(), a);
                    } else {
                        store(a, as.var(), eval(as.value(), a), null);
                    }
                }
                case Ir.AssignCaptured ac -> {
                    long value = eval(ac.value(), a);
                    long env = m.ref(ac.env().slot());
                    if (ac.value().type().isReference()) {
                        Builtins.captureRef(t, env, ac.index(), value);
                    } else {
                        Builtins.captureInt(t, env, ac.index(), (int) value);
                    }
                }
                case Ir.WriteIndexed w -> {
                    long[] v = operands(List.of(w.object(), w.index(), w.value()), a);
                    if (w.refs()) {
                        Builtins.writeRefIndexed(t, v[0], (int) v[1], v[2], w.site());
                    } else {
                        Builtins.writeIntIndexed(t, v[0], (int) v[1], (int) v[2], w.site());
                    }
                }
                case Ir.WriteNamed w -> {
                    long[] v = operands(List.of(w.object(), w.value()), a);
                    if (v[0] == 0) {
                        throw Builtins.nullDereference(w.site(), "writing field '" + w.field().name() + "'");
                    }
                    if (w.field().isReference()) {
                        m.writeRef(v[0], w.field().word(), v[1]);
                    } else {
                        m.writeRaw(v[0], w.field().word(), v[1]);
                    }
                }
                case Ir.If i -> {
                    for (int k = 0; k < i.conds().size(); k++) {
                        if (eval(i.conds().get(k), a) != 0) {
                            return block(i.blocks().get(k), a);
                        }
                    }
                    return i.otherwise() != null && block(i.otherwise(), a);
                }
                case Ir.While w -> {
                    while (eval(w.cond(), a) != 0) {
                        if (block(w.body(), a) == RETURNED) {
                            return RETURNED;
                        }
                        m.backEdge();
                    }
                }
                case Ir.Return r -> {
                    if (r.value() != null) {
                        if (r.value().type() == Type.STRING) {
                            a.resultString = string(r.value(), a);
                        } else {
                            a.result = eval(r.value(), a);
                        }
                    }
                    return RETURNED;
                }
                case Ir.Eval e -> {
                    if (e.expr().type() == Type.STRING) {
                        string(e.expr(), a);
                    } else {
                        eval(e.expr(), a);
                    }
                }
                case Ir.Print p -> Builtins.print(t, text(p.parts(), a));
                case Ir.Assert as -> {
                    if (eval(as.cond(), a) == 0) {
                        throw Builtins.assertionFailed(as.site(), text(as.parts(), a));
                    }
                }
                case Ir.Expect e -> Builtins.expectOutOfMemory(t);
                case Ir.Spawn sp -> spawn(sp, a);
            }
            return false;
        }

        private void spawn(Ir.Spawn sp, Act a) {
            int n = sp.args().size();
            Object[] values = new Object[n];
            int[] refSlots = new int[n];
            for (int i = 0; i < n; i++) {
                Ir.Expr arg = sp.args().get(i);
                refSlots[i] = -1;
                if (arg instanceof Ir.Held h) {
                    refSlots[i] = a.method.tempSlot(h.temp());
                    m.setRef(refSlots[i], eval(h.value(), a));
                } else {
                    values[i] = boxed(arg, a);
                }
            }
            Builtins.spawn(t, sp.target(), values, refSlots, sp.site());
            for (int slot : refSlots) {
                if (slot >= 0) {
                    m.clear(slot);
                }
            }
        }

        private Object boxed(Ir.Expr e, Act a) {
            Type type = e.type();
            if (type == Type.STRING) {
                return string(e, a);
            }
            long v = eval(e, a);
            if (type.isReference()) {
                return v;
            }
            return type == Type.BOOLEAN ? (Object) (v != 0) : (Object) (int) v;
        }

        // ---- expressions --------------------------------------------------------------------------

        /**
         * Evaluates operands in order: a held one goes to its temporary, deferrable ones (variables,
         * constants) are read after the others, then the held ones are read back. String operands'
         * values go to {@code strings} (which may be null when there are none).
         */
        private long[] operands(List<Ir.Expr> ops, Act a, String[] strings) {
            int n = ops.size();
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                Ir.Expr e = ops.get(i);
                if (e instanceof Ir.Held h) {
                    m.setRef(a.method.tempSlot(h.temp()), eval(h.value(), a));
                } else if (!Ir.isDeferrable(e)) {
                    if (e.type() == Type.STRING) {
                        strings[i] = string(e, a);
                    } else {
                        v[i] = eval(e, a);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                Ir.Expr e = ops.get(i);
                if (Ir.isDeferrable(e)) {
                    if (e.type() == Type.STRING) {
                        strings[i] = string(e, a);
                    } else {
                        v[i] = eval(e, a);
                    }
                } else if (e instanceof Ir.Held h) {
                    int slot = a.method.tempSlot(h.temp());
                    v[i] = m.ref(slot);
                    m.clear(slot);
                }
            }
            return v;
        }

        private long[] operands(List<Ir.Expr> ops, Act a) {
            return operands(ops, a, null);
        }

        /** Evaluates a non-string expression: an int, a boolean (0 or 1) or an address (0 for null). */
        private long eval(Ir.Expr e, Act a) {
            return switch (e) {
                case Ir.IntConst c -> c.value();
                case Ir.BoolConst c -> c.value() ? 1 : 0;
                case Ir.NullConst c -> 0;
                case Ir.Local l -> load(a, l.var());
                case Ir.Captured c -> {
                    long env = m.ref(c.env().slot());
                    yield c.type().isReference() ? Builtins.capturedRef(t, env, c.index())
                            : Builtins.capturedInt(t, env, c.index());
                }
                case Ir.Unary u -> u.negate() ? -(int) eval(u.operand(), a) : eval(u.operand(), a) == 0 ? 1 : 0;
                case Ir.Truth tr -> eval(tr.operand(), a) != 0 ? 1 : 0;
                case Ir.Arith ar -> {
                    int l = (int) eval(ar.left(), a);
                    int r = (int) eval(ar.right(), a);
                    yield switch (ar.op()) {
                        case ADD -> l + r;
                        case SUB -> l - r;
                        case MUL -> l * r;
                        case DIV -> Builtins.divide(l, r, ar.site());
                        case REM -> Builtins.remainder(l, r, ar.site());
                    };
                }
                case Ir.Compare c -> compare(c, a) ? 1 : 0;
                case Ir.Logic l -> {
                    boolean left = eval(l.left(), a) != 0;
                    yield (l.and() ? left && eval(l.right(), a) != 0 : left || eval(l.right(), a) != 0) ? 1 : 0;
                }
                case Ir.AllocFixed af -> m.allocate(shapes.computeIfAbsent(af.layout(), l -> Builtins.shape(t, l)));
                case Ir.AllocDynamic ad -> {
                    int refs = (int) eval(ad.refs(), a);
                    int ints = (int) eval(ad.ints(), a);
                    eval(ad.align(), a); // every object is 8-byte aligned: the flag is always met
                    yield m.allocate(Builtins.dynamicShape(t, refs, ints, ad.site()));
                }
                case Ir.ReadIndexed r -> {
                    long[] v = operands(List.of(r.object(), r.index()), a);
                    yield r.refs() ? Builtins.readRefIndexed(t, v[0], (int) v[1], r.site())
                            : Builtins.readIntIndexed(t, v[0], (int) v[1], r.site());
                }
                case Ir.ReadNamed r -> {
                    long o = eval(r.object(), a);
                    if (o == 0) {
                        throw Builtins.nullDereference(r.site(), "reading field '" + r.field().name() + "'");
                    }
                    if (r.field().isReference()) {
                        yield m.readRef(o, r.field().word());
                    }
                    long raw = m.readRaw(o, r.field().word());
                    yield r.field().type() == Type.BOOLEAN ? (raw != 0 ? 1 : 0) : (int) raw;
                }
                case Ir.Call c -> call(c.target(), c.args(), a, null).result;
                case Ir.CallIntrinsic c -> intrinsic(c, a).result;
                case Ir.CallClosure c -> {
                    List<Ir.Expr> ops = new java.util.ArrayList<>();
                    ops.add(c.function());
                    ops.addAll(c.args());
                    yield call(null, ops, a, c).result;
                }
                case Ir.MakeClosure mc -> {
                    MethodInfo.Closure closure = mc.body().closure();
                    long env = m.allocateClosure(closure.codeId(), mc.captures().size());
                    for (int i = 0; i < mc.captures().size(); i++) {
                        Ir.Expr capture = mc.captures().get(i);
                        long value = eval(capture, a); // a variable read: no safepoint since the allocation
                        if (capture.type().isReference()) {
                            Builtins.captureRef(t, env, i, value);
                        } else {
                            Builtins.captureInt(t, env, i, (int) value);
                        }
                    }
                    yield env;
                }
                case Ir.Cast c -> Builtins.cast(t, eval(c.value(), a), c.target(), c.site());
                case Ir.Builtin b -> builtin(b, a);
                case Ir.Held h -> eval(h.value(), a); // a held operand outside an operand list is used at once
                case Ir.StrConst s -> throw new IllegalStateException("a string evaluated as a word at " + s.site());
                case Ir.Concat c -> throw new IllegalStateException("a string evaluated as a word at " + c.site());
            };
        }

        private boolean compare(Ir.Compare c, Act a) {
            Type type = c.left().type();
            if (type == Type.STRING) {
                boolean eq = Objects.equals(string(c.left(), a), string(c.right(), a));
                return c.op() == Ir.CmpOp.EQ ? eq : !eq;
            }
            long l;
            long r;
            if (type.isReference()) {
                long[] v = operands(List.of(c.left(), c.right()), a);
                l = v[0];
                r = v[1];
            } else {
                l = eval(c.left(), a);
                r = eval(c.right(), a);
            }
            int li = (int) l;
            int ri = (int) r;
            return switch (c.op()) {
                case LT -> li < ri;
                case LE -> li <= ri;
                case GT -> li > ri;
                case GE -> li >= ri;
                case EQ -> l == r;
                case NE -> l != r;
            };
        }

        /**
         * A call with its operands: a method's (target given), or a closure's (the first operand is the
         * function value, which becomes the body's environment argument).
         */
        private Act call(MethodInfo target, List<Ir.Expr> ops, Act a, Ir.CallClosure closure) {
            String[] strings = new String[ops.size()];
            long[] v = operands(ops, a, strings);
            if (closure != null) {
                MethodInfo body = Builtins.closureBody(t, v[0], closure.site());
                return invoke(body, v, strings);
            }
            return invoke(target, v, strings);
        }

        private Act intrinsic(Ir.CallIntrinsic c, Act a) {
            String[] strings = new String[c.args().size()];
            long[] v = operands(c.args(), a, strings);
            return invoke(c.target(), v, strings, c.site());
        }

        private long builtin(Ir.Builtin b, Act a) {
            List<Ir.Expr> args = b.args();
            return switch (b.op()) {
                case GC -> {
                    m.collect();
                    yield 0;
                }
                case GC_COUNT -> Builtins.gcCount(t);
                case THREAD_ID -> Builtins.threadId(t);
                case HASH -> Builtins.hash(t, eval(args.getFirst(), a), b.site());
                case SET_SEED -> {
                    Builtins.setSeed(t, (int) eval(args.getFirst(), a));
                    yield 0;
                }
                case RANDOM -> {
                    int lo = (int) eval(args.get(0), a);
                    yield Builtins.random(t, lo, (int) eval(args.get(1), a), b.site());
                }
                case BARRIER_WAIT -> {
                    String name = string(args.get(0), a);
                    yield Builtins.barrierWait(t, name, (int) eval(args.get(1), a), b.site());
                }
                case BOX -> Builtins.box(t, (int) eval(args.getFirst(), a));
                case BOX_DOUBLE -> {
                    int num = (int) eval(args.get(0), a);
                    yield Builtins.boxDouble(t, num, (int) eval(args.get(1), a));
                }
                case UNBOX -> Builtins.unbox(t, eval(args.getFirst(), a), b.site());
                case HEAP_DUMP -> {
                    Builtins.heapDump(t);
                    yield 0;
                }
                case SET_OPTION -> {
                    Builtins.setOption(t, string(args.getFirst(), a), b.site());
                    yield 0;
                }
                case WEAK_REF -> Builtins.weakRef(t, eval(args.getFirst(), a));
                case SOFT_REF -> Builtins.softRef(t, eval(args.getFirst(), a));
                case PHANTOM_REF -> Builtins.phantomRef(t, eval(args.getFirst(), a));
                case GET_REFERENT -> Builtins.referent(t, eval(args.getFirst(), a), b.site());
                case DESCRIBE -> throw new IllegalStateException("describe evaluated as a word at " + b.site());
            };
        }

        /** Evaluates a string expression. */
        private String string(Ir.Expr e, Act a) {
            return switch (e) {
                case Ir.StrConst s -> s.value();
                case Ir.Local l -> a.strings[l.var().slot()];
                case Ir.Concat c -> text(c.left(), a) + text(c.right(), a);
                case Ir.Call c -> call(c.target(), c.args(), a, null).resultString;
                case Ir.CallIntrinsic c -> intrinsic(c, a).resultString;
                case Ir.CallClosure c -> {
                    List<Ir.Expr> ops = new java.util.ArrayList<>();
                    ops.add(c.function());
                    ops.addAll(c.args());
                    yield call(null, ops, a, c).resultString;
                }
                case Ir.Builtin b when b.op() == Ir.BuiltinOp.DESCRIBE -> describe(b, a);
                default -> throw new IllegalStateException("not a string expression: " + e);
            };
        }

        private String describe(Ir.Builtin b, Act a) {
            List<Ir.Expr> args = b.args();
            String[] strings = new String[args.size()];
            long[] v = operands(args, a, strings);
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                Type type = args.get(i).type();
                if (type == Type.STRING) {
                    values[i] = strings[i];
                } else if (type == Type.INT) {
                    values[i] = (int) v[i];
                } else if (type == Type.BOOLEAN) {
                    values[i] = v[i] != 0;
                } else {
                    values[i] = v[i];
                }
            }
            return Builtins.describe(t, values);
        }

        /** The text of a value, made as soon as it is evaluated (print, assert messages, string +). */
        private String text(Ir.Expr e, Act a) {
            Type type = e.type();
            if (type == Type.STRING) {
                return string(e, a);
            }
            long v = eval(e, a);
            if (type == Type.INT) {
                return String.valueOf((int) v);
            }
            if (type == Type.BOOLEAN) {
                return v != 0 ? "true" : "false";
            }
            return Builtins.text(t, v);
        }

        private String text(List<Ir.Expr> parts, Act a) {
            StringBuilder out = new StringBuilder();
            for (Ir.Expr p : parts) {
                out.append(text(p, a));
            }
            return out.toString();
        }
    }
}
