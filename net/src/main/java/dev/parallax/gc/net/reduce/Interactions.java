package dev.parallax.gc.net.reduce;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.net.slab.Allocator;
import dev.parallax.gc.net.slab.NetException;
import dev.parallax.gc.net.slab.NetMemory;
import dev.parallax.gc.net.slab.Partition;

import static dev.parallax.gc.net.slab.Ports.CON;
import static dev.parallax.gc.net.slab.Ports.DUP;
import static dev.parallax.gc.net.slab.Ports.EMPTY;
import static dev.parallax.gc.net.slab.Ports.ERA;
import static dev.parallax.gc.net.slab.Ports.ERASER;
import static dev.parallax.gc.net.slab.Ports.NUM;
import static dev.parallax.gc.net.slab.Ports.OP1;
import static dev.parallax.gc.net.slab.Ports.OP2;
import static dev.parallax.gc.net.slab.Ports.REF;
import static dev.parallax.gc.net.slab.Ports.VAR;
import static dev.parallax.gc.net.slab.Ports.num;
import static dev.parallax.gc.net.slab.Ports.numValue;
import static dev.parallax.gc.net.slab.Ports.port;
import static dev.parallax.gc.net.slab.Ports.tag;
import static dev.parallax.gc.net.slab.Ports.value;

/**
 * One thread's linker and interaction rules. Linking is lock-free (the HVM2 scheme): a wire between
 * two aux ports is a variable cell; the first end to be connected swaps its new partner into the
 * cell, the second finds it there, frees the cell and links the two partners; two principal ports
 * that meet form a redex, pushed on this thread's {@link RedexStack}.
 *
 * <p>Rules: constructors and duplicators annihilate with their own kind and label and commute with
 * everything else; an eraser, a number or a Ref meeting a constructor or duplicator is copied onto
 * both aux ports (a Ref by copying its cell: two roots, one object); an eraser meeting a Ref drops it;
 * an operator takes its first operand on its principal port, then (as a one-operand node holding it)
 * its second, and links the result to its output: a number if both operands were numbers, else a
 * box allocated on the GC heap through this thread's {@link Mutator} (a safepoint) held by a new Ref.
 * Operands held by Refs are read through the mutator: a small integer, a boxed long, or a tuple (a
 * reference array) of those, whose value is the sum of its elements. Arithmetic wraps as Java ints.
 */
public final class Interactions {
    public static final int ADD = 0;
    public static final int SUB = 1;
    public static final int MUL = 2;

    private static final long KIND_AND_LISTED = Partition.KIND_MASK | Partition.LISTED;

    private final NetMemory memory;
    private final Allocator alloc;
    private final RedexStack redexes;
    private final TagScheme tags;
    private Mutator mutator;
    /** Interactions performed; the reducer adds a worker's count when the worker ends (not once per interaction). */
    long interactions;

    Interactions(NetMemory memory, Allocator alloc, RedexStack redexes, TagScheme tags) {
        this.memory = memory;
        this.alloc = alloc;
        this.redexes = redexes;
        this.tags = tags;
    }

    void attach(Mutator m) {
        this.mutator = m;
    }

    Allocator allocator() {
        return alloc;
    }

    // ---- linking ------------------------------------------------------------------------------

    /** Connects two wire ends. */
    public void link(long a, long b) {
        while (true) {
            if (tag(a) != VAR) {
                long t = a;
                a = b;
                b = t;
            }
            if (tag(a) != VAR) {
                if (active(a) || active(b)) {
                    redexes.push(a, b);
                }
                return;
            }
            long v = value(a);
            long got = memory.partition(v).exchangeVar(Partition.slotOf(v), b);
            if (got == EMPTY) {
                return;
            }
            alloc.freeVar(v);
            a = got;
        }
    }

    /** Whether a meeting with this port does anything (two numbers or erasers meeting do nothing). */
    private static boolean active(long p) {
        int t = tag(p);
        return t != ERA && t != NUM;
    }

    // ---- rules --------------------------------------------------------------------------------

    void interact(long a, long b) {
        int ta = tag(a);
        int tb = tag(b);
        boolean na = isAgent(ta);
        boolean nb = isAgent(tb);
        if (na && nb) {
            if (ta == OP1 && tb == OP1) {
                throw new NetException("two operators met on their principal ports: " + a + ", " + b);
            }
            if (ta == OP1) {
                commuteUnary(a, b);
            } else if (tb == OP1) {
                commuteUnary(b, a);
            } else if (ta == tb && (ta == CON || ta == DUP) && label(a) == label(b)) {
                annihilate(a, b);
            } else {
                commute(a, b);
            }
        } else if (na) {
            meetValue(a, b);
        } else if (nb) {
            meetValue(b, a);
        } else {
            if (ta == REF) {
                alloc.freeRef(value(a));
            }
            if (tb == REF) {
                alloc.freeRef(value(b));
            }
        }
    }

    private static boolean isAgent(int tag) {
        return tag == CON || tag == DUP || tag == OP2 || tag == OP1;
    }

    private long header(long node) {
        return memory.partition(value(node)).header(Partition.slotOf(value(node)));
    }

    private long label(long node) {
        return header(node) & ~KIND_AND_LISTED;
    }

    private long aux(long node, int word) {
        long id = value(node);
        return memory.partition(id).nodes().get(java.lang.foreign.ValueLayout.JAVA_LONG,
                (Partition.slotOf(id) << Partition.SLOT_SHIFT) + ((long) word << 3));
    }

    private void setWords(long id, long aux1, long aux2, long payload) {
        var nodes = memory.partition(id).nodes();
        long base = Partition.slotOf(id) << Partition.SLOT_SHIFT;
        nodes.set(java.lang.foreign.ValueLayout.JAVA_LONG, base + 8, aux1);
        nodes.set(java.lang.foreign.ValueLayout.JAVA_LONG, base + 16, aux2);
        nodes.set(java.lang.foreign.ValueLayout.JAVA_LONG, base + 24, payload);
    }

    private void annihilate(long a, long b) {
        long a1 = aux(a, 1);
        long a2 = aux(a, 2);
        long b1 = aux(b, 1);
        long b2 = aux(b, 2);
        alloc.free(value(a));
        alloc.free(value(b));
        link(a1, b1);
        link(a2, b2);
    }

    /** A(a1, a2) meets B(b1, b2), different agents: each is copied onto the other's aux ports. */
    private void commute(long a, long b) {
        long a1 = aux(a, 1);
        long a2 = aux(a, 2);
        long b1 = aux(b, 1);
        long b2 = aux(b, 2);
        long ha = label(a);
        long hb = label(b);
        long pa = aux(a, 3);
        long pb = aux(b, 3);
        long x = port(VAR, alloc.var());
        long y = port(VAR, alloc.var());
        long z = port(VAR, alloc.var());
        long w = port(VAR, alloc.var());
        long a1n = value(a);                                    // A1 = A(x, z), in A's slot
        long a2n = alloc.node(tag(a), ha);                      // A2 = A(y, w)
        long b1n = value(b);                                    // B1 = B(x, y), in B's slot
        long b2n = alloc.node(tag(b), hb);                      // B2 = B(z, w)
        setWords(a1n, x, z, pa);
        setWords(a2n, y, w, pa);
        setWords(b1n, x, y, pb);
        setWords(b2n, z, w, pb);
        link(a1, port(tag(b), b1n));
        link(a2, port(tag(b), b2n));
        link(b1, port(tag(a), a1n));
        link(b2, port(tag(a), a2n));
    }

    /** A one-operand operator OP1(out) meets B(b1, b2): B is copied onto out, the operator onto b1 and b2. */
    private void commuteUnary(long a, long b) {
        long out = aux(a, 2);
        long b1 = aux(b, 1);
        long b2 = aux(b, 2);
        long ha = header(a) & ~KIND_AND_LISTED;
        long pa = aux(a, 3);
        long x = port(VAR, alloc.var());
        long y = port(VAR, alloc.var());
        long a1n = value(a);
        long a2n = alloc.node(OP1, ha);
        setWords(a1n, ERASER, x, pa);
        setWords(a2n, ERASER, y, pa);
        long bn = value(b);
        setWords(bn, x, y, aux(b, 3));
        link(out, b);
        link(b1, port(OP1, a1n));
        link(b2, port(OP1, a2n));
    }

    /** An agent meets an eraser, a number or a Ref. */
    private void meetValue(long agent, long v) {
        int t = tag(agent);
        long id = value(agent);
        if (t == CON || t == DUP) {
            long a1 = aux(agent, 1);
            long a2 = aux(agent, 2);
            alloc.free(id);
            long copy = v;
            if (tag(v) == REF) {
                copy = port(REF, alloc.ref(memory.cell(value(v))));
            }
            link(a1, v);
            link(a2, copy);
        } else if (t == OP2) {
            long a1 = aux(agent, 1);
            if (tag(v) == ERA) {
                long a2 = aux(agent, 2);
                alloc.free(id);
                link(a1, ERASER);
                link(a2, ERASER);
                return;
            }
            boolean boxed = tag(v) == REF;
            int first = operand(v);
            long h = header(agent);
            Partition p = memory.partition(id);
            long slot = Partition.slotOf(id);
            p.nodes().set(java.lang.foreign.ValueLayout.JAVA_LONG, slot << Partition.SLOT_SHIFT,
                    (h & ~Partition.KIND_MASK) | OP1 | (boxed ? Partition.BOXED : 0));
            p.nodes().set(java.lang.foreign.ValueLayout.JAVA_LONG, (slot << Partition.SLOT_SHIFT) + 8, ERASER);
            p.nodes().set(java.lang.foreign.ValueLayout.JAVA_LONG, (slot << Partition.SLOT_SHIFT) + 24, first);
            link(a1, port(OP1, id));
        } else { // OP1
            long out = aux(agent, 2);
            if (tag(v) == ERA) {
                alloc.free(id);
                link(out, ERASER);
                return;
            }
            long h = header(agent);
            int first = (int) aux(agent, 3);
            boolean boxed = (h & Partition.BOXED) != 0 || tag(v) == REF;
            int op = (int) ((h & ~(KIND_AND_LISTED | Partition.BOXED)) >>> 8);
            int second = operand(v);
            alloc.free(id);
            int result = apply(op, first, second);
            if (boxed) {
                long box = mutator.boxLong(result);                     // safepoint: nothing of ours in hand is a heap address
                link(out, port(REF, alloc.ref(tags.tagPointer(box))));
            } else {
                link(out, num(result));
            }
        }
    }

    public static int apply(int op, int x, int y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            default -> throw new NetException("unknown operator " + op);
        };
    }

    /** The number an operand port holds; a Ref is read, then freed. */
    private int operand(long v) {
        if (tag(v) == NUM) {
            return numValue(v);
        }
        long id = value(v);
        long cell = memory.cell(id);
        int n = valueOf(cell, mutator, tags);
        alloc.freeRef(id);
        return n;
    }

    /** The number a Ref cell's word stands for: a small integer, a boxed long, or a tuple of those (its sum). */
    public static int valueOf(long word, Mutator m, TagScheme tags) {
        switch (tags.kindOf(word)) {
            case SMALL_INT:
                return (int) tags.untagSmallInt(word);
            case POINTER: {
                long object = tags.untag(word);
                ObjectKind kind = m.kind(object);
                if (kind == ObjectKind.BOXED_LONG) {
                    return (int) m.unboxLong(object);
                }
                if (kind == ObjectKind.REF_ARRAY) {
                    int sum = 0;
                    int n = m.length(object);
                    for (int i = 0; i < n; i++) {
                        sum += valueOf(m.readValue(object, i), m, tags);
                    }
                    return sum;
                }
                throw new NetException("an operator met a Ref to a " + kind + " object; operands are small integers,"
                        + " boxed longs and tuples of them");
            }
            default:
                throw new NetException("an operator met a Ref holding " + tags.kindOf(word) + " (0x"
                        + Long.toHexString(word) + "); operands are small integers, boxed longs and tuples of them");
        }
    }
}
