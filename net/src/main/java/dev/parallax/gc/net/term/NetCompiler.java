package dev.parallax.gc.net.term;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.net.Net;
import dev.parallax.gc.net.slab.Ports;

/**
 * Encodes an {@link Expr} as a net: numbers as number ports, boxes, small integers and tuples as Ref
 * nodes whose objects the mutator allocates on the GC heap, operators as operator nodes (first
 * operand on the principal port, second on aux 1, result on aux 2), {@code Twice} as a duplicator,
 * pairs as constructors. The heap objects are allocated through {@code m}, an attached mutator; every
 * address is stored in a Ref cell before the next safepoint, so the net's Ref-cell roots keep it.
 */
public final class NetCompiler {
    private final Net net;
    private final Mutator m;

    public NetCompiler(Net net, Mutator m) {
        this.net = net;
        this.m = m;
    }

    /**
     * Builds {@code e} and returns a root: a variable whose other end is connected to the result, to
     * read back after {@link Net#reduce} and to erase with {@code net.link(root, Ports.ERASER)}.
     */
    public long compile(Expr e) {
        long root = net.var();
        net.link(root, build(e));
        return root;
    }

    /** Builds {@code e}; returns the wire end carrying its value. */
    public long build(Expr e) {
        return switch (e) {
            case Expr.Num x -> Ports.num(x.n());
            case Expr.Box x -> net.refTo(m.boxLong(x.n()));
            case Expr.Small x -> net.ref(net.tags().tagSmallInt(x.n()));
            case Expr.Tuple x -> tuple(x.a(), x.b());
            case Expr.Op x -> op(x.op(), build(x.l()), build(x.r()));
            case Expr.Twice x -> twice(x.op(), build(x.e()));
            case Expr.Fst x -> fst(build(x.a()), build(x.b()));
            case Expr.PairOp x -> pairOp(x.op(), build(x.a()), build(x.b()));
            case Expr.Repeat x -> {
                long v = build(x.e());
                for (int i = 0; i < x.n(); i++) {
                    v = twice(x.op(), v);
                }
                yield v;
            }
        };
    }

    private long tuple(int a, int b) {
        long ref = net.refTo(m.allocateRefArray(2));
        long boxA = m.boxLong(a);                    // safepoint: the tuple may move; its Ref cell follows
        m.writeRef(net.target(ref), 0, boxA);
        long boxB = m.boxLong(b);
        m.writeRef(net.target(ref), 1, boxB);
        return ref;
    }

    /** {@code l op r}: returns the result wire. */
    public long op(int op, long l, long r) {
        long out = net.var();
        long node = net.node(Ports.OP2, op, r, out);
        net.link(l, node);
        return out;
    }

    private long twice(int op, long v) {
        long x = net.var();
        long y = net.var();
        long dup = net.node(Ports.DUP, net.freshLabel(), x, y);
        net.link(dup, v);
        return op(op, x, y);
    }

    private long fst(long a, long b) {
        long pair = net.node(Ports.CON, 0, a, b);
        long result = net.var();
        long destructor = net.node(Ports.CON, 0, result, Ports.ERASER);
        net.link(pair, destructor);
        return result;
    }

    private long pairOp(int op, long a, long b) {
        long pair = net.node(Ports.CON, 0, a, b);
        long u = net.var();
        long w = net.var();
        long dup = net.node(Ports.DUP, net.freshLabel(), u, w);
        net.link(dup, pair);
        long first = net.var();
        net.link(u, net.node(Ports.CON, 0, first, Ports.ERASER));
        long second = net.var();
        net.link(w, net.node(Ports.CON, 0, Ports.ERASER, second));
        return op(op, first, second);
    }
}
