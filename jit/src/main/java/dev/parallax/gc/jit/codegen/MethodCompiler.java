package dev.parallax.gc.jit.codegen;

import dev.parallax.gc.jit.analysis.Liveness;
import dev.parallax.gc.jit.analysis.Nodes;
import dev.parallax.gc.jit.stackmap.StackMap;
import dev.parallax.gc.lang.ir.Ir;
import dev.parallax.gc.lang.ir.MethodInfo;
import dev.parallax.gc.lang.ir.Site;
import dev.parallax.gc.lang.ir.Var;
import dev.parallax.gc.lang.types.Type;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.classfile.Opcode;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.parallax.gc.jit.codegen.Descriptors.BUILTINS;
import static dev.parallax.gc.jit.codegen.Descriptors.MUTATOR;
import static dev.parallax.gc.jit.codegen.Descriptors.OBJECT;
import static dev.parallax.gc.jit.codegen.Descriptors.SHAPE;
import static dev.parallax.gc.jit.codegen.Descriptors.SITE;
import static dev.parallax.gc.jit.codegen.Descriptors.STRING;
import static dev.parallax.gc.jit.codegen.Descriptors.THREAD;
import static dev.parallax.gc.jit.codegen.Descriptors.method;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

/**
 * Compiles one method or closure body to a static method {@code (Mutator, ScriptThread, params...)}.
 * Reference values live in JVM locals as addresses; at each safepoint the method writes the values
 * live across it into their frame slots, zeroes the frame's other slots, calls the safepoint, and
 * reloads every live value from its slot (a moving collector may have updated it). Between
 * safepoints of straight-line code it skips the stores it knows to be redundant: a value not
 * assigned since the last safepoint still sits in its slot, a slot zeroed then is still zero.
 */
final class MethodCompiler {
    private final ScriptCompiler script;
    private final MethodInfo method;
    private final Liveness live;
    private final CodeBuilder code;
    private final int frameSlots;
    private final BitSet omitted;
    private final int[] varLocal;
    private final int[] tempLocal;
    private final int mutator = 0;
    private final int thread = 1;
    private boolean reachable = true;
    /** Straight-line knowledge since the last safepoint; null when unknown (method entry, after a label). */
    private BitSet clean;
    private BitSet zeroSlots;
    /** Whether the method's frame is pushed here: it is pushed at the first safepoint that needs it. */
    private FrameState frame = FrameState.NONE;
    /** An int local, 1 once the frame is pushed: read where paths with and without the frame meet. */
    private int framed = -1;
    /** The frame state each label is jumped to with. */
    private final Map<Label, Known> incoming = new HashMap<>();

    /** Whether the frame is pushed, statically known or not. */
    private enum FrameState {
        NONE, PUSHED, UNKNOWN;

        FrameState merge(FrameState other) {
            return this == other ? this : UNKNOWN;
        }
    }

    /**
     * What is known at a point about the frame: whether it is pushed, which values' slots hold them
     * ({@code clean}) and which slots hold zero ({@code zero}); null sets when nothing is known.
     */
    private record Known(FrameState frame, BitSet clean, BitSet zero) {
        Known merge(Known other) {
            return new Known(frame.merge(other.frame), intersect(clean, other.clean), intersect(zero, other.zero));
        }

        private static BitSet intersect(BitSet a, BitSet b) {
            if (a == null || b == null) {
                return null;
            }
            BitSet both = (BitSet) a.clone();
            both.and(b);
            return both;
        }
    }

    private Known known() {
        return new Known(frame, clean == null ? null : (BitSet) clean.clone(),
                zeroSlots == null ? null : (BitSet) zeroSlots.clone());
    }

    /**
     * @param frameSlots the frame's slot count (0: the method pushes no frame)
     * @param omitted    slots left out of every recorded stack map (the seeded bug), usually empty
     */
    MethodCompiler(ScriptCompiler script, MethodInfo method, Liveness live, CodeBuilder code, int frameSlots,
                   BitSet omitted) {
        this.script = script;
        this.method = method;
        this.live = live;
        this.code = code;
        this.frameSlots = frameSlots;
        this.omitted = omitted;
        this.varLocal = new int[method.vars().size()];
        this.tempLocal = new int[method.tempSlots()];
        for (int i = 0; i < method.params().size(); i++) {
            varLocal[method.params().get(i).id()] = code.parameterSlot(i + 2);
        }
        for (Var v : method.vars()) {
            if (!method.params().contains(v)) {
                varLocal[v.id()] = code.allocateLocal(Descriptors.kind(v.type()));
            }
        }
        for (int i = 0; i < tempLocal.length; i++) {
            tempLocal[i] = code.allocateLocal(TypeKind.LONG);
        }
    }

    void compile() {
        line(method.site());
        if (frameSlots > 0) {
            framed = code.allocateLocal(TypeKind.INT);
            code.iconst_0();
            code.istore(framed);
        }
        if (live.entryPoll()) {
            safepoint(method, () -> poll("functionEntry"));
        }
        block(method.body());
        if (reachable) {
            if (method.result() == Type.VOID) {
                popFrame();
                code.return_();
            } else {
                code.loadConstant(script.constant(method.site(), SITE));
                code.ldc(method.name());
                code.loadConstant(script.constant(method.result(), Descriptors.TYPE));
                code.invokestatic(BUILTINS, "missingReturn", method(Descriptors.SCRIPT_EXCEPTION, SITE, STRING,
                        Descriptors.TYPE));
                code.athrow();
            }
        }
    }

    private void poll(String site) {
        code.aload(mutator);
        code.invokeinterface(MUTATOR, script.everySitePolls() ? "poll" : site, method(CD_void));
    }

    /** Pops the frame if this path pushed it (tested at run time where paths with and without it met). */
    private void popFrame() {
        switch (frame) {
            case NONE -> {
            }
            case PUSHED -> {
                code.aload(mutator);
                code.invokeinterface(MUTATOR, "popFrame", method(CD_void));
            }
            case UNKNOWN -> {
                Label skip = code.newLabel();
                code.iload(framed);
                code.ifeq(skip);
                code.aload(mutator);
                code.invokeinterface(MUTATOR, "popFrame", method(CD_void));
                code.labelBinding(skip);
            }
        }
    }

    /** Pushes the frame unless this path already did (its slots then hold garbage: nothing known about them). */
    private void ensureFrame() {
        if (frame == FrameState.PUSHED) {
            return;
        }
        Label done = null;
        if (frame == FrameState.UNKNOWN) {
            done = code.newLabel();
            code.iload(framed);
            code.ifne(done);
        }
        code.aload(mutator);
        code.loadConstant(script.constant(script.frameShape(method), Descriptors.FRAME_SHAPE));
        code.invokeinterface(MUTATOR, "pushFrame", method(CD_void, Descriptors.FRAME_SHAPE));
        code.iconst_1();
        code.istore(framed);
        if (done != null) {
            code.labelBinding(done);
        }
        frame = FrameState.PUSHED;
        clean = null;
        zeroSlots = null;
    }

    /**
     * What holds at a loop's head on every entry: a value whose slot holds it before the loop and
     * that the loop never assigns still sits in its slot after each round (if it is in any of the
     * loop's stack maps it is live throughout the loop, so never zeroed there); a slot zero before the
     * loop that no safepoint of the loop writes is still zero.
     */
    private void loopHead(Ir.While w) {
        BitSet assigned = new BitSet();
        BitSet written = new BitSet();
        Nodes.visit(w, node -> {
            if (node instanceof Ir.Assign a && a.var().isReference()) {
                assigned.set(a.var().id());
            } else if (node instanceof Ir.Held h) {
                assigned.set(live.temp(h.temp()));
            }
            BitSet across = live.liveAcross(node);
            if (across != null) {
                for (int v = across.nextSetBit(0); v >= 0; v = across.nextSetBit(v + 1)) {
                    written.set(live.slotOf(v));
                }
            }
        });
        if (clean != null) {
            clean.andNot(assigned);
        }
        if (zeroSlots != null) {
            zeroSlots.andNot(written);
        }
    }

    /** Whether a loop holds a safepoint that needs the frame (then it is pushed before the loop, not in it). */
    private boolean needsFrame(Ir.While w) {
        boolean[] needs = {live.backEdgePoll() && (!live.liveAcross(w).isEmpty() || frame == FrameState.UNKNOWN)};
        Nodes.visit(w, node -> {
            BitSet across = live.liveAcross(node);
            if (across != null && (!across.isEmpty() || frame == FrameState.UNKNOWN)) {
                needs[0] = true;
            }
        });
        return needs[0];
    }

    private void line(Site site) {
        code.lineNumber(site.pos().line());
    }

    // ---- safepoints -------------------------------------------------------------------------------

    /**
     * Emits a safepoint: spills the values live across it to their slots, zeroes the frame's other
     * slots, records its stack map (and checks the frame against it when the cross-check is on), runs
     * {@code op}, and reloads the live values.
     */
    private void safepoint(Object node, Runnable op) {
        BitSet across = live.liveAcross(node);
        BitSet slots = new BitSet();
        for (int v = across.nextSetBit(0); v >= 0; v = across.nextSetBit(v + 1)) {
            slots.set(live.slotOf(v));
        }
        BitSet recorded = (BitSet) slots.clone();
        recorded.andNot(omitted);
        StackMap map = script.record(live.kind(node), siteOf(node), frameSlots, recorded);
        boolean withFrame = !across.isEmpty() || frame != FrameState.NONE;
        if (!withFrame) { // no frame on this path and nothing to keep: the safepoint needs no frame
            op.run();
            clean = new BitSet();
            return;
        }
        ensureFrame();
        for (int v = across.nextSetBit(0); v >= 0; v = across.nextSetBit(v + 1)) {
            if (clean == null || !clean.get(v)) {
                code.aload(mutator);
                code.loadConstant(live.slotOf(v));
                code.lload(local(v));
                code.invokeinterface(MUTATOR, "setRef", method(CD_void, CD_int, CD_long));
            }
        }
        for (int s = 0; s < frameSlots; s++) {
            if (!slots.get(s) && (zeroSlots == null || !zeroSlots.get(s))) {
                code.aload(mutator);
                code.loadConstant(s);
                code.invokeinterface(MUTATOR, "clear", method(CD_void, CD_int));
            }
        }
        if (script.crossCheck()) {
            code.aload(thread);
            code.loadConstant(script.constant(map, Descriptors.STACK_MAP));
            code.invokestatic(Descriptors.STACK_MAP_CHECK, "check", method(CD_void, THREAD, Descriptors.STACK_MAP));
        }
        op.run();
        if (script.reload()) { // a moving collector may have moved what the slots hold
            for (int v = across.nextSetBit(0); v >= 0; v = across.nextSetBit(v + 1)) {
                code.aload(mutator);
                code.loadConstant(live.slotOf(v));
                code.invokeinterface(MUTATOR, "ref", method(CD_long, CD_int));
                code.lstore(local(v));
            }
        }
        clean = (BitSet) across.clone();
        zeroSlots = new BitSet();
        zeroSlots.set(0, frameSlots);
        zeroSlots.andNot(slots);
    }

    private Site siteOf(Object node) {
        if (node instanceof Ir.Expr e) {
            return e.site();
        }
        if (node instanceof Ir.Stmt s) {
            return s.site();
        }
        return method.site();
    }

    private int local(int value) {
        return live.isTemp(value) ? tempLocal[value - method.vars().size()] : varLocal[value];
    }

    /** A value's JVM local changed: its slot no longer holds it. */
    private void dirty(int value) {
        if (clean != null) {
            clean.clear(value);
        }
    }

    /** A label other code jumps to: what straight-line code knew no longer holds; the frame state merges. */
    private void bind(Label label) {
        Known jumped = incoming.remove(label);
        Known here = !reachable ? (jumped == null ? known() : jumped) : jumped == null ? known() : known().merge(jumped);
        code.labelBinding(label);
        frame = here.frame();
        clean = here.clean();
        zeroSlots = here.zero();
        reachable = true;
    }

    /** A branch to {@code label} (of {@code opcode}), recording what is known where it goes. */
    private void jump(Opcode opcode, Label label) {
        incoming.merge(label, known(), Known::merge);
        code.branch(opcode, label);
    }

    /** Jumps to {@code target} when {@code cond} is false (when true, with {@code whenTrue}), without making a 0 or 1. */
    private void jumpIf(Ir.Expr cond, boolean whenTrue, Label target) {
        switch (cond) {
            case Ir.Unary u when !u.negate() -> jumpIf(u.operand(), !whenTrue, target);
            case Ir.Truth t -> {
                expr(t.operand());
                if (t.operand().type().isReference()) {
                    code.lconst_0();
                    code.lcmp();
                }
                jump(whenTrue ? Opcode.IFNE : Opcode.IFEQ, target);
            }
            case Ir.Logic l when l.and() != whenTrue -> { // a && b jumping when false, a || b jumping when true
                jumpIf(l.left(), whenTrue, target);
                jumpIf(l.right(), whenTrue, target);
            }
            case Ir.Logic l -> {
                Label skip = code.newLabel();
                jumpIf(l.left(), !whenTrue, skip);
                jumpIf(l.right(), whenTrue, target);
                bind(skip);
            }
            case Ir.Compare c when c.left().type() == Type.INT || c.left().type() == Type.BOOLEAN -> {
                expr(c.left());
                expr(c.right());
                Ir.CmpOp op = whenTrue ? c.op() : negate(c.op());
                jump(switch (op) {
                    case LT -> Opcode.IF_ICMPLT;
                    case LE -> Opcode.IF_ICMPLE;
                    case GT -> Opcode.IF_ICMPGT;
                    case GE -> Opcode.IF_ICMPGE;
                    case EQ -> Opcode.IF_ICMPEQ;
                    case NE -> Opcode.IF_ICMPNE;
                }, target);
            }
            default -> {
                expr(cond);
                jump(whenTrue ? Opcode.IFNE : Opcode.IFEQ, target);
            }
        }
    }

    private static Ir.CmpOp negate(Ir.CmpOp op) {
        return switch (op) {
            case LT -> Ir.CmpOp.GE;
            case LE -> Ir.CmpOp.GT;
            case GT -> Ir.CmpOp.LE;
            case GE -> Ir.CmpOp.LT;
            case EQ -> Ir.CmpOp.NE;
            case NE -> Ir.CmpOp.EQ;
        };
    }

    // ---- statements -------------------------------------------------------------------------------

    private void block(Ir.Block b) {
        for (Ir.Stmt s : b.stmts()) {
            if (!reachable) {
                return; // code after a return
            }
            stmt(s);
        }
    }

    private void stmt(Ir.Stmt s) {
        line(s.site());
        switch (s) {
            case Ir.Block b -> block(b);
            case Ir.Assign a -> {
                expr(a.value());
                store(a.var());
            }
            case Ir.AssignCaptured a -> {
                int value = evalToLocal(a.value());
                code.aload(thread);
                code.lload(varLocal[a.env().id()]);
                code.loadConstant(a.index());
                boolean ref = a.value().type().isReference();
                code.loadLocal(ref ? TypeKind.LONG : TypeKind.INT, value);
                code.invokestatic(BUILTINS, ref ? "captureRef" : "captureInt",
                        method(CD_void, THREAD, CD_long, CD_int, ref ? CD_long : CD_int));
            }
            case Ir.WriteIndexed w -> {
                code.aload(thread);
                operands(List.of(w.object(), w.index(), w.value()));
                site(w.site());
                code.invokestatic(BUILTINS, w.refs() ? "writeRefIndexed" : "writeIntIndexed",
                        method(CD_void, THREAD, CD_long, CD_int, w.refs() ? CD_long : CD_int, SITE));
            }
            case Ir.WriteNamed w -> {
                int[] locals = operandLocals(List.of(w.object(), w.value()));
                code.aload(mutator);
                code.lload(locals[0]);
                nonNull(w.site(), "writing field '" + w.field().name() + "'");
                code.loadConstant(w.field().word());
                if (w.field().isReference()) {
                    code.lload(locals[1]);
                    code.invokeinterface(MUTATOR, "writeRef", method(CD_void, CD_long, CD_int, CD_long));
                } else {
                    code.iload(locals[1]);
                    code.i2l();
                    code.invokeinterface(MUTATOR, "writeRaw", method(CD_void, CD_long, CD_int, CD_long));
                }
            }
            case Ir.If i -> ifStatement(i);
            case Ir.While w -> whileStatement(w);
            case Ir.Return r -> {
                if (r.value() != null) {
                    expr(r.value());
                }
                popFrame();
                switch (Descriptors.kind(method.result())) {
                    case INT -> code.ireturn();
                    case LONG -> code.lreturn();
                    case REFERENCE -> code.areturn();
                    default -> code.return_();
                }
                reachable = false;
            }
            case Ir.Eval e -> {
                expr(e.expr());
                drop(e.expr().type());
            }
            case Ir.Print p -> {
                code.aload(thread);
                text(p.parts());
                code.invokestatic(BUILTINS, "print", method(CD_void, THREAD, STRING));
            }
            case Ir.Assert a -> {
                Label ok = code.newLabel();
                jumpIf(a.cond(), true, ok);
                site(a.site());
                text(a.parts());
                code.invokestatic(BUILTINS, "assertionFailed", method(Descriptors.SCRIPT_EXCEPTION, SITE, STRING));
                code.athrow();
                bind(ok);
            }
            case Ir.Expect e -> {
                code.aload(thread);
                code.invokestatic(BUILTINS, "expectOutOfMemory", method(CD_void, THREAD));
            }
            case Ir.Spawn sp -> spawn(sp);
        }
    }

    private void ifStatement(Ir.If i) {
        Label end = code.newLabel();
        boolean endReached = false;
        for (int k = 0; k < i.conds().size(); k++) {
            Label next = code.newLabel();
            jumpIf(i.conds().get(k), false, next);
            block(i.blocks().get(k));
            if (reachable) {
                jump(Opcode.GOTO, end);
                endReached = true;
            }
            bind(next);
        }
        if (i.otherwise() != null) {
            block(i.otherwise());
        }
        if (reachable || endReached) {
            bind(end); // the else branch (or the last condition failing) falls through to it
        }
    }

    private void whileStatement(Ir.While w) {
        Label head = code.newLabel();
        Label end = code.newLabel();
        if (needsFrame(w)) {
            ensureFrame();
        }
        loopHead(w);
        bind(head);
        jumpIf(w.cond(), false, end);
        block(w.body());
        if (reachable) {
            if (live.backEdgePoll()) {
                safepoint(w, () -> poll("backEdge"));
            }
            jump(Opcode.GOTO, head);
            reachable = false;
        }
        bind(end);
    }

    private void spawn(Ir.Spawn sp) {
        int n = sp.args().size();
        int[] locals = operandLocals(sp.args());
        int[] refSlots = new int[n];
        for (int i = 0; i < n; i++) {
            refSlots[i] = sp.args().get(i) instanceof Ir.Held h ? method.tempSlot(h.temp()) : -1;
        }
        safepoint(sp, () -> {
            code.aload(thread);
            code.loadConstant(script.constant(sp.target(), Descriptors.METHOD_INFO));
            code.loadConstant(n);
            code.anewarray(OBJECT);
            for (int i = 0; i < n; i++) {
                Ir.Expr arg = sp.args().get(i);
                if (refSlots[i] < 0) {
                    code.dup();
                    code.loadConstant(i);
                    box(arg.type(), locals[i]);
                    code.aastore();
                }
            }
            code.loadConstant(script.constant(refSlots, Descriptors.INT_ARRAY));
            site(sp.site());
            code.invokestatic(BUILTINS, "spawn", method(CD_void, THREAD, Descriptors.METHOD_INFO,
                    OBJECT.arrayType(), Descriptors.INT_ARRAY, SITE));
        });
    }

    private void store(Var v) {
        code.storeLocal(Descriptors.kind(v.type()), varLocal[v.id()]);
        if (v.isReference()) {
            dirty(v.id());
        }
    }

    private void drop(Type t) {
        switch (Descriptors.kind(t)) {
            case LONG -> code.pop2();
            case INT, REFERENCE -> code.pop();
            default -> {
            }
        }
    }

    // ---- operands ---------------------------------------------------------------------------------

    /**
     * Evaluates operands as both engines do (see {@link Ir}) and returns the JVM locals holding their
     * values: a held operand goes to its temporary's local (spilled to its slot at every safepoint it
     * is live across), the others to scratch locals, deferrable ones last.
     */
    private int[] operandLocals(List<Ir.Expr> ops) {
        int n = ops.size();
        int[] locals = new int[n];
        for (int i = 0; i < n; i++) {
            Ir.Expr op = ops.get(i);
            if (op instanceof Ir.Held h) {
                expr(h.value());
                code.lstore(tempLocal[h.temp()]);
                dirty(live.temp(h.temp()));
                locals[i] = tempLocal[h.temp()];
            } else if (!Ir.isDeferrable(op)) {
                locals[i] = evalToLocal(op);
            }
        }
        for (int i = 0; i < n; i++) {
            Ir.Expr op = ops.get(i);
            if (Ir.isDeferrable(op)) {
                locals[i] = evalToLocal(op);
            }
        }
        return locals;
    }

    /** Evaluates operands and leaves their values on the operand stack, in order. */
    private void operands(List<Ir.Expr> ops) {
        boolean simple = true;
        for (Ir.Expr op : ops) {
            simple &= !(op instanceof Ir.Held);
        }
        boolean deferrableSeen = false;
        for (Ir.Expr op : ops) {
            if (Ir.isDeferrable(op)) {
                deferrableSeen = true;
            } else if (deferrableSeen) {
                simple = false; // a deferrable operand before a non-deferrable one: read it after
            }
        }
        if (simple) {
            for (Ir.Expr op : ops) {
                expr(op);
            }
            return;
        }
        int[] locals = operandLocals(ops);
        for (int i = 0; i < ops.size(); i++) {
            code.loadLocal(Descriptors.kind(ops.get(i).type()), locals[i]);
        }
    }

    private int evalToLocal(Ir.Expr e) {
        TypeKind kind = Descriptors.kind(e.type());
        int local = code.allocateLocal(kind);
        expr(e);
        code.storeLocal(kind, local);
        return local;
    }

    /** Pushes the local's value as an Object (Integer, Boolean, String, Long). */
    private void box(Type type, int local) {
        if (type == Type.STRING) {
            code.aload(local);
        } else if (type == Type.INT) {
            code.iload(local);
            code.invokestatic(ConstantDescs.CD_Integer, "valueOf", method(ConstantDescs.CD_Integer, CD_int));
        } else if (type == Type.BOOLEAN) {
            code.iload(local);
            code.invokestatic(ConstantDescs.CD_Boolean, "valueOf", method(ConstantDescs.CD_Boolean, CD_boolean));
        } else {
            code.lload(local);
            code.invokestatic(ConstantDescs.CD_Long, "valueOf", method(ConstantDescs.CD_Long, CD_long));
        }
    }

    // ---- expressions ------------------------------------------------------------------------------

    /** Evaluates {@code e}, leaving its value on the operand stack (long, int or String). */
    private void expr(Ir.Expr e) {
        switch (e) {
            case Ir.IntConst c -> code.loadConstant(c.value());
            case Ir.BoolConst c -> code.loadConstant(c.value() ? 1 : 0);
            case Ir.StrConst c -> code.ldc(c.value());
            case Ir.NullConst c -> code.lconst_0();
            case Ir.Local l -> code.loadLocal(Descriptors.kind(l.var().type()), varLocal[l.var().id()]);
            case Ir.Captured c -> {
                code.aload(thread);
                code.lload(varLocal[c.env().id()]);
                code.loadConstant(c.index());
                boolean ref = c.type().isReference();
                code.invokestatic(BUILTINS, ref ? "capturedRef" : "capturedInt",
                        method(ref ? CD_long : CD_int, THREAD, CD_long, CD_int));
            }
            case Ir.Unary u -> {
                expr(u.operand());
                if (u.negate()) {
                    code.ineg();
                } else {
                    code.iconst_1();
                    code.ixor();
                }
            }
            case Ir.Truth t -> {
                expr(t.operand());
                if (t.operand().type().isReference()) {
                    code.lconst_0();
                    code.lcmp(); // addresses are positive: 1 for an object, 0 for null
                } else {
                    nonZero();
                }
            }
            case Ir.Arith a -> {
                expr(a.left());
                expr(a.right());
                switch (a.op()) {
                    case ADD -> code.iadd();
                    case SUB -> code.isub();
                    case MUL -> code.imul();
                    case DIV, REM -> {
                        site(a.site());
                        code.invokestatic(BUILTINS, a.op() == Ir.ArithOp.DIV ? "divide" : "remainder",
                                method(CD_int, CD_int, CD_int, SITE));
                    }
                }
            }
            case Ir.Compare c -> compare(c);
            case Ir.Logic l -> {
                Label end = code.newLabel();
                expr(l.left());
                code.dup();
                jump(l.and() ? Opcode.IFEQ : Opcode.IFNE, end);
                code.pop();
                expr(l.right());
                bind(end);
            }
            case Ir.Concat c -> {
                text(c.left());
                text(c.right());
                code.invokevirtual(STRING, "concat", method(STRING, STRING));
            }
            case Ir.AllocFixed a -> safepoint(a, () -> {
                code.aload(mutator);
                code.loadConstant(script.constant(script.shape(a.layout()), SHAPE));
                code.invokeinterface(MUTATOR, "allocate", method(CD_long, SHAPE));
            });
            case Ir.AllocDynamic a -> {
                int[] locals = operandLocals(List.of(a.refs(), a.ints(), a.align()));
                safepoint(a, () -> {
                    code.aload(mutator);
                    code.aload(thread);
                    code.iload(locals[0]);
                    code.iload(locals[1]);
                    site(a.site());
                    code.invokestatic(BUILTINS, "dynamicShape", method(SHAPE, THREAD, CD_int, CD_int, SITE));
                    code.invokeinterface(MUTATOR, "allocate", method(CD_long, SHAPE));
                });
            }
            case Ir.ReadIndexed r -> {
                code.aload(thread);
                operands(List.of(r.object(), r.index()));
                site(r.site());
                code.invokestatic(BUILTINS, r.refs() ? "readRefIndexed" : "readIntIndexed",
                        method(r.refs() ? CD_long : CD_int, THREAD, CD_long, CD_int, SITE));
            }
            case Ir.ReadNamed r -> {
                code.aload(mutator);
                expr(r.object());
                nonNull(r.site(), "reading field '" + r.field().name() + "'");
                code.loadConstant(r.field().word());
                if (r.field().isReference()) {
                    code.invokeinterface(MUTATOR, "readRef", method(CD_long, CD_long, CD_int));
                } else {
                    code.invokeinterface(MUTATOR, "readRaw", method(CD_long, CD_long, CD_int));
                    code.l2i();
                }
            }
            case Ir.Call c -> {
                code.aload(mutator);
                code.aload(thread);
                operands(c.args());
                safepoint(c, () -> code.invokestatic(script.self(), script.methodName(c.target()),
                        script.descriptor(c.target())));
            }
            case Ir.CallIntrinsic c -> intrinsic(c);
            case Ir.CallClosure c -> {
                code.aload(mutator);
                code.aload(thread);
                site(c.site());
                java.util.ArrayList<Ir.Expr> ops = new java.util.ArrayList<>();
                ops.add(c.function());
                ops.addAll(c.args());
                operands(ops);
                safepoint(c, () -> code.invokestatic(script.self(), script.dispatcher(c.fnType()),
                        script.dispatcherDescriptor(c.fnType())));
            }
            case Ir.MakeClosure mc -> {
                MethodInfo.Closure closure = mc.body().closure();
                safepoint(mc, () -> {
                    code.aload(mutator);
                    code.loadConstant(closure.codeId());
                    code.loadConstant(mc.captures().size());
                    code.invokeinterface(MUTATOR, "allocateClosure", method(CD_long, CD_int, CD_int));
                });
                int env = code.allocateLocal(TypeKind.LONG);
                code.lstore(env);
                for (int i = 0; i < mc.captures().size(); i++) {
                    Ir.Expr capture = mc.captures().get(i);
                    boolean ref = capture.type().isReference();
                    code.aload(thread);
                    code.lload(env);
                    code.loadConstant(i);
                    expr(capture);
                    code.invokestatic(BUILTINS, ref ? "captureRef" : "captureInt",
                            method(CD_void, THREAD, CD_long, CD_int, ref ? CD_long : CD_int));
                }
                code.lload(env);
            }
            case Ir.Cast c -> {
                code.aload(thread);
                expr(c.value());
                code.loadConstant(script.constant(c.target(), Descriptors.TYPE));
                site(c.site());
                code.invokestatic(BUILTINS, "cast", method(CD_long, THREAD, CD_long, Descriptors.TYPE, SITE));
            }
            case Ir.Held h -> expr(h.value());
            case Ir.Builtin b -> builtin(b);
        }
    }

    /** int 0 or not on the stack to 0 or 1, without a branch: (x | -x) >>> 31. */
    private void nonZero() {
        code.dup();
        code.ineg();
        code.ior();
        code.loadConstant(31);
        code.iushr();
    }

    private void compare(Ir.Compare c) {
        Type type = c.left().type();
        if (type == Type.STRING) {
            expr(c.left());
            expr(c.right());
            code.invokestatic(ClassDesc.of("java.util.Objects"), "equals", method(CD_boolean, OBJECT, OBJECT));
            if (c.op() == Ir.CmpOp.NE) {
                code.iconst_1();
                code.ixor();
            }
            return;
        }
        if (type.isReference()) {
            operands(List.of(c.left(), c.right()));
            code.lcmp();
        } else {
            expr(c.left());
            expr(c.right());
            code.invokestatic(ConstantDescs.CD_Integer, "compare", method(CD_int, CD_int, CD_int));
        }
        // the comparison's sign (-1, 0, 1) to the condition's 0 or 1, without a branch
        switch (c.op()) {
            case LT -> {
                code.loadConstant(31);
                code.iushr();
            }
            case GE -> {
                code.loadConstant(31);
                code.iushr();
                code.iconst_1();
                code.ixor();
            }
            case GT -> {
                code.ineg();
                code.loadConstant(31);
                code.iushr();
            }
            case LE -> {
                code.ineg();
                code.loadConstant(31);
                code.iushr();
                code.iconst_1();
                code.ixor();
            }
            case NE -> nonZero();
            case EQ -> {
                nonZero();
                code.iconst_1();
                code.ixor();
            }
        }
    }

    private void intrinsic(Ir.CallIntrinsic c) {
        int[] locals = operandLocals(c.args());
        code.loadConstant(script.constant(c.target(), Descriptors.METHOD_INFO));
        code.loadConstant(c.args().size());
        code.anewarray(OBJECT);
        for (int i = 0; i < locals.length; i++) {
            code.dup();
            code.loadConstant(i);
            box(c.args().get(i).type(), locals[i]);
            code.aastore();
        }
        site(c.site());
        code.invokestatic(BUILTINS, "callIntrinsic", method(OBJECT, Descriptors.METHOD_INFO, OBJECT.arrayType(), SITE));
        Type result = c.target().result();
        if (result == Type.VOID) {
            code.pop();
        } else if (result == Type.STRING) {
            code.checkcast(STRING);
        } else if (result == Type.BOOLEAN) {
            code.checkcast(ConstantDescs.CD_Boolean);
            code.invokevirtual(ConstantDescs.CD_Boolean, "booleanValue", method(CD_boolean));
        } else {
            code.checkcast(ConstantDescs.CD_Integer);
            code.invokevirtual(ConstantDescs.CD_Integer, "intValue", method(CD_int));
        }
    }

    private void builtin(Ir.Builtin b) {
        List<Ir.Expr> args = b.args();
        switch (b.op()) {
            case GC -> safepoint(b, () -> {
                code.aload(mutator);
                code.invokeinterface(MUTATOR, "collect", method(CD_void));
            });
            case GC_COUNT -> {
                code.aload(thread);
                code.invokestatic(BUILTINS, "gcCount", method(CD_int, THREAD));
            }
            case THREAD_ID -> {
                code.aload(thread);
                code.invokestatic(BUILTINS, "threadId", method(CD_int, THREAD));
            }
            case HASH -> {
                code.aload(thread);
                expr(args.getFirst());
                site(b.site());
                code.invokestatic(BUILTINS, "hash", method(CD_int, THREAD, CD_long, SITE));
            }
            case SET_SEED -> {
                code.aload(thread);
                expr(args.getFirst());
                code.invokestatic(BUILTINS, "setSeed", method(CD_void, THREAD, CD_int));
            }
            case RANDOM -> {
                code.aload(thread);
                expr(args.get(0));
                expr(args.get(1));
                site(b.site());
                code.invokestatic(BUILTINS, "random", method(CD_int, THREAD, CD_int, CD_int, SITE));
            }
            case BARRIER_WAIT -> {
                int[] locals = operandLocals(args);
                safepoint(b, () -> {
                    code.aload(thread);
                    code.aload(locals[0]);
                    code.iload(locals[1]);
                    site(b.site());
                    code.invokestatic(BUILTINS, "barrierWait", method(CD_int, THREAD, STRING, CD_int, SITE));
                });
            }
            case BOX -> {
                int[] locals = operandLocals(args);
                safepoint(b, () -> {
                    code.aload(thread);
                    code.iload(locals[0]);
                    code.invokestatic(BUILTINS, "box", method(CD_long, THREAD, CD_int));
                });
            }
            case BOX_DOUBLE -> {
                int[] locals = operandLocals(args);
                safepoint(b, () -> {
                    code.aload(thread);
                    code.iload(locals[0]);
                    code.iload(locals[1]);
                    code.invokestatic(BUILTINS, "boxDouble", method(CD_long, THREAD, CD_int, CD_int));
                });
            }
            case UNBOX -> {
                code.aload(thread);
                expr(args.getFirst());
                site(b.site());
                code.invokestatic(BUILTINS, "unbox", method(CD_int, THREAD, CD_long, SITE));
            }
            case WEAK_REF, SOFT_REF, PHANTOM_REF -> {
                int[] locals = operandLocals(args);
                String helper = b.op() == Ir.BuiltinOp.WEAK_REF ? "weakRef"
                        : b.op() == Ir.BuiltinOp.SOFT_REF ? "softRef" : "phantomRef";
                safepoint(b, () -> {   // the helper roots the referent in a frame of its own before it allocates
                    code.aload(thread);
                    code.lload(locals[0]);
                    code.invokestatic(BUILTINS, helper, method(CD_long, THREAD, CD_long));
                });
            }
            case GET_REFERENT -> {
                code.aload(thread);
                expr(args.getFirst());
                site(b.site());
                code.invokestatic(BUILTINS, "referent", method(CD_long, THREAD, CD_long, SITE));
            }
            case DESCRIBE -> {
                int[] locals = operandLocals(args);
                code.aload(thread);
                code.loadConstant(args.size());
                code.anewarray(OBJECT);
                for (int i = 0; i < locals.length; i++) {
                    code.dup();
                    code.loadConstant(i);
                    box(args.get(i).type(), locals[i]);
                    code.aastore();
                }
                code.invokestatic(BUILTINS, "describe", method(STRING, THREAD, OBJECT.arrayType()));
            }
            case HEAP_DUMP -> {
                code.aload(thread);
                code.invokestatic(BUILTINS, "heapDump", method(CD_void, THREAD));
            }
            case SET_OPTION -> {
                code.aload(thread);
                expr(args.getFirst());
                site(b.site());
                code.invokestatic(BUILTINS, "setOption", method(CD_void, THREAD, STRING, SITE));
            }
        }
    }

    /** The text of a value, made as soon as it is evaluated (print, assert messages, string +). */
    private void text(Ir.Expr e) {
        Type type = e.type();
        if (type == Type.STRING) {
            expr(e);
        } else if (type == Type.INT) {
            expr(e);
            code.invokestatic(STRING, "valueOf", method(STRING, CD_int));
        } else if (type == Type.BOOLEAN) {
            expr(e);
            code.invokestatic(STRING, "valueOf", method(STRING, CD_boolean));
        } else {
            code.aload(thread);
            expr(e);
            code.invokestatic(BUILTINS, "text", method(STRING, THREAD, CD_long));
        }
    }

    /** The parts' text, concatenated, on the stack. */
    private void text(List<Ir.Expr> parts) {
        if (parts.size() == 1) {
            text(parts.getFirst());
            return;
        }
        code.new_(Descriptors.STRING_BUILDER);
        code.dup();
        code.invokespecial(Descriptors.STRING_BUILDER, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void);
        for (Ir.Expr p : parts) {
            text(p);
            code.invokevirtual(Descriptors.STRING_BUILDER, "append", method(Descriptors.STRING_BUILDER, STRING));
        }
        code.invokevirtual(Descriptors.STRING_BUILDER, "toString", method(STRING));
    }

    /** The address on the stack, checked: a null dereference error naming {@code action} for null. */
    private void nonNull(Site site, String action) {
        site(site);
        code.ldc(action);
        code.invokestatic(BUILTINS, "nonNull", method(CD_long, CD_long, SITE, STRING));
    }

    private void site(Site site) {
        code.loadConstant(script.constant(site, SITE));
    }

    static MethodTypeDesc descriptor(MethodInfo m) {
        ClassDesc[] params = new ClassDesc[m.params().size() + 2];
        params[0] = MUTATOR;
        params[1] = THREAD;
        for (int i = 0; i < m.params().size(); i++) {
            params[i + 2] = Descriptors.of(m.params().get(i).type());
        }
        return MethodTypeDesc.of(Descriptors.of(m.result()), params);
    }
}
