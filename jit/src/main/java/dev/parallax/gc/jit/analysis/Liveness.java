package dev.parallax.gc.jit.analysis;

import dev.parallax.gc.lang.ir.Ir;
import dev.parallax.gc.lang.ir.MethodInfo;
import dev.parallax.gc.lang.ir.Var;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which reference values are live across each safepoint of a method: the values a collection must
 * see (in frame slots, as roots) because the code uses them afterwards. A backward data-flow
 * analysis over the checked tree, with a fixpoint per loop; it follows the evaluation order the
 * engines share (see {@link Ir}): operands left to right, deferrable ones read when used, held ones
 * kept in their temporaries until their parent uses them.
 *
 * <p>Values are numbered: reference variable {@code v} is {@code v.id()}, temporary {@code k} is
 * {@code method.vars().size() + k}. The safepoints are the allocations (objects, closures, boxes),
 * the calls of methods and closures, {@code gc()}, {@code barrierWait}, {@code spawn}, and, where
 * polls are placed, the function entry and every loop back-edge.
 */
public final class Liveness {
    /** What kind of safepoint a site is, for the stack map table and messages. */
    public enum SiteKind { FUNCTION_ENTRY, BACK_EDGE, ALLOCATION, CALL, GC, BARRIER, SPAWN }

    private final MethodInfo method;
    private final boolean entryPoll;
    private final boolean backEdgePoll;
    private final int varCount;
    private final Map<Object, BitSet> live = new IdentityHashMap<>();
    private final Map<Object, SiteKind> kinds = new IdentityHashMap<>();
    private BitSet entry;

    private Liveness(MethodInfo method, boolean entryPoll, boolean backEdgePoll) {
        this.method = method;
        this.entryPoll = entryPoll;
        this.backEdgePoll = backEdgePoll;
        this.varCount = method.vars().size();
    }

    /**
     * Analyses {@code method}'s body.
     *
     * @param entryPoll    whether the function entry is a safepoint (a poll is placed there)
     * @param backEdgePoll whether loop back-edges are
     */
    public static Liveness of(MethodInfo method, boolean entryPoll, boolean backEdgePoll) {
        Liveness l = new Liveness(method, entryPoll, backEdgePoll);
        BitSet atStart = l.block(method.body(), new BitSet());
        if (entryPoll) {
            l.record(method, SiteKind.FUNCTION_ENTRY, atStart, new BitSet());
        }
        l.entry = atStart;
        return l;
    }

    /** The values live across the safepoint at {@code node} (a tree node, the method for its entry poll, the loop for its back-edge), or null when it is none. */
    public BitSet liveAcross(Object node) {
        return live.get(node);
    }

    public SiteKind kind(Object node) {
        return kinds.get(node);
    }

    /** Whether {@code node} is a safepoint of this method. */
    public boolean isSafepoint(Object node) {
        return live.containsKey(node);
    }

    public boolean entryPoll() {
        return entryPoll;
    }

    public boolean backEdgePoll() {
        return backEdgePoll;
    }

    /** The values live at the start of the body (parameters used later). */
    public BitSet atEntry() {
        return (BitSet) entry.clone();
    }

    /** The value number of temporary {@code temp}. */
    public int temp(int temp) {
        return varCount + temp;
    }

    /** The reference frame slot of value {@code value}. */
    public int slotOf(int value) {
        return value < varCount ? method.vars().get(value).slot() : method.tempSlot(value - varCount);
    }

    /** Whether value {@code value} is a temporary. */
    public boolean isTemp(int value) {
        return value >= varCount;
    }

    /** Every safepoint node, in no particular order. */
    public List<Object> safepoints() {
        return new ArrayList<>(live.keySet());
    }

    private void record(Object node, SiteKind kind, BitSet after, BitSet held) {
        BitSet across = (BitSet) after.clone();
        across.or(held);
        live.put(node, across);
        kinds.put(node, kind);
    }

    // ---- statements -------------------------------------------------------------------------------

    private BitSet block(Ir.Block b, BitSet after) {
        BitSet l = after;
        List<Ir.Stmt> stmts = b.stmts();
        for (int i = stmts.size() - 1; i >= 0; i--) {
            l = stmt(stmts.get(i), l);
        }
        return l;
    }

    private BitSet stmt(Ir.Stmt s, BitSet after) {
        BitSet none = new BitSet();
        return switch (s) {
            case Ir.Block b -> block(b, after);
            case Ir.Assign a -> {
                BitSet l = (BitSet) after.clone();
                if (a.var().isReference()) {
                    l.clear(a.var().id());
                }
                yield expr(a.value(), l, none);
            }
            case Ir.AssignCaptured a -> {
                BitSet l = (BitSet) after.clone();
                l.set(a.env().id());
                yield expr(a.value(), l, none);
            }
            case Ir.WriteIndexed w -> operands(List.of(w.object(), w.index(), w.value()), after, none, null, null);
            case Ir.WriteNamed w -> operands(List.of(w.object(), w.value()), after, none, null, null);
            case Ir.If i -> {
                BitSet next = i.otherwise() == null ? after : block(i.otherwise(), after);
                for (int k = i.conds().size() - 1; k >= 0; k--) {
                    BitSet branch = (BitSet) block(i.blocks().get(k), after).clone();
                    branch.or(next);
                    next = expr(i.conds().get(k), branch, none);
                }
                yield next;
            }
            case Ir.While w -> loop(w, after);
            case Ir.Return r -> r.value() == null ? new BitSet() : expr(r.value(), new BitSet(), none);
            case Ir.Eval e -> expr(e.expr(), after, none);
            case Ir.Print p -> parts(p.parts(), after);
            case Ir.Assert a -> {
                BitSet l = (BitSet) parts(a.parts(), new BitSet()).clone(); // a failed assertion throws
                l.or(after);
                yield expr(a.cond(), l, none);
            }
            case Ir.Expect e -> after;
            case Ir.Spawn sp -> {
                // the spawning thread reads the held arguments from its frame during the spawn
                BitSet held = new BitSet();
                for (Ir.Expr arg : sp.args()) {
                    if (arg instanceof Ir.Held h) {
                        held.set(temp(h.temp()));
                    }
                }
                yield operands(sp.args(), after, none, sp, SiteKind.SPAWN, held);
            }
        };
    }

    private BitSet loop(Ir.While w, BitSet after) {
        BitSet none = new BitSet();
        BitSet head = expr(w.cond(), after, none);
        while (true) {
            if (backEdgePoll) {
                record(w, SiteKind.BACK_EDGE, head, none);
            }
            BitSet bodyStart = block(w.body(), head);
            BitSet cont = (BitSet) after.clone();
            cont.or(bodyStart);
            BitSet next = expr(w.cond(), cont, none);
            next.or(head);
            if (next.equals(head)) {
                return head;
            }
            head = next;
        }
    }

    /** Print and assert parts: each is turned into text as soon as it is evaluated. */
    private BitSet parts(List<Ir.Expr> parts, BitSet after) {
        BitSet l = after;
        for (int i = parts.size() - 1; i >= 0; i--) {
            l = expr(parts.get(i), l, new BitSet());
        }
        return l;
    }

    // ---- expressions ------------------------------------------------------------------------------

    /** The values live before {@code e}, given those live after it and the temporaries held by its ancestors. */
    private BitSet expr(Ir.Expr e, BitSet after, BitSet held) {
        return switch (e) {
            case Ir.IntConst c -> after;
            case Ir.BoolConst c -> after;
            case Ir.StrConst c -> after;
            case Ir.NullConst c -> after;
            case Ir.Local l -> use(after, l.var());
            case Ir.Captured c -> use(after, c.env());
            case Ir.Unary u -> expr(u.operand(), after, held);
            case Ir.Truth t -> expr(t.operand(), after, held);
            case Ir.Cast c -> expr(c.value(), after, held);
            case Ir.ReadNamed r -> expr(r.object(), after, held);
            case Ir.Held h -> expr(h.value(), after, held);
            case Ir.Arith a -> operands(List.of(a.left(), a.right()), after, held, null, null);
            case Ir.Compare c -> operands(List.of(c.left(), c.right()), after, held, null, null);
            case Ir.Logic l -> {
                BitSet right = expr(l.right(), after, held);
                right.or(after);
                yield expr(l.left(), right, held);
            }
            case Ir.Concat c -> expr(c.left(), expr(c.right(), after, held), held);
            case Ir.AllocFixed a -> {
                record(a, SiteKind.ALLOCATION, after, held);
                yield after;
            }
            case Ir.AllocDynamic a -> operands(List.of(a.refs(), a.ints(), a.align()), after, held, a,
                    SiteKind.ALLOCATION);
            case Ir.MakeClosure mc -> {
                BitSet l = (BitSet) after.clone();
                for (Ir.Expr capture : mc.captures()) { // read after the environment is allocated
                    l = expr(capture, l, held);
                }
                record(mc, SiteKind.ALLOCATION, l, held);
                yield l;
            }
            case Ir.ReadIndexed r -> operands(List.of(r.object(), r.index()), after, held, null, null);
            case Ir.Call c -> operands(c.args(), after, held, c, SiteKind.CALL);
            case Ir.CallIntrinsic c -> operands(c.args(), after, held, null, null);
            case Ir.CallClosure c -> {
                List<Ir.Expr> ops = new ArrayList<>();
                ops.add(c.function());
                ops.addAll(c.args());
                yield operands(ops, after, held, c, SiteKind.CALL);
            }
            case Ir.Builtin b -> operands(b.args(), after, held, b.op().safepoint() ? b : null, switch (b.op()) {
                case GC -> SiteKind.GC;
                case BARRIER_WAIT -> SiteKind.BARRIER;
                default -> SiteKind.ALLOCATION;
            });
        };
    }

    private BitSet operands(List<Ir.Expr> ops, BitSet after, BitSet held, Object site, SiteKind kind) {
        return operands(ops, after, held, site, kind, new BitSet());
    }

    /**
     * Operands evaluated left to right, then the node's own work (a safepoint at {@code site}, if
     * not null, across which {@code alsoAcross} is live too): deferrable operands are read just
     * before the work; a held operand's temporary is live from its evaluation to the work.
     */
    private BitSet operands(List<Ir.Expr> ops, BitSet after, BitSet held, Object site, SiteKind kind,
                            BitSet alsoAcross) {
        BitSet l = (BitSet) after.clone();
        if (site != null) {
            BitSet across = (BitSet) after.clone();
            across.or(alsoAcross);
            record(site, kind, across, held);
        }
        for (Ir.Expr op : ops) {
            if (Ir.isDeferrable(op)) {
                l = expr(op, l, held);
            }
        }
        for (int i = ops.size() - 1; i >= 0; i--) {
            Ir.Expr op = ops.get(i);
            if (Ir.isDeferrable(op)) {
                continue;
            }
            BitSet heldHere = (BitSet) held.clone();
            for (int j = 0; j < i; j++) {
                if (ops.get(j) instanceof Ir.Held h) {
                    heldHere.set(temp(h.temp()));
                }
            }
            l = expr(op instanceof Ir.Held h ? h.value() : op, l, heldHere);
        }
        return l;
    }

    private BitSet use(BitSet after, Var v) {
        if (!v.isReference()) {
            return after;
        }
        BitSet l = (BitSet) after.clone();
        l.set(v.id());
        return l;
    }
}
