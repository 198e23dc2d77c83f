package dev.parallax.gc.net;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.net.reduce.Interactions;
import dev.parallax.gc.net.reduce.Reducer;
import dev.parallax.gc.net.roots.RefCellRoots;
import dev.parallax.gc.net.slab.Allocator;
import dev.parallax.gc.net.slab.NetException;
import dev.parallax.gc.net.slab.NetMemory;
import dev.parallax.gc.net.slab.Partition;
import dev.parallax.gc.net.slab.Ports;
import dev.parallax.gc.net.slab.RefIndex;

import java.util.List;

/**
 * parallax-net: an interaction net on a GC runtime. Its nodes live in per-partition slabs of off-heap
 * memory (see {@link Partition}); its Ref nodes hold one 64-bit cell tagged by the runtime's
 * {@link TagScheme}, which the runtime's Ref-cell root source ({@code net-naive}, {@code net-indexed}
 * or {@code net-parallel} among {@code --roots}) reports to every collection; its workers reduce it
 * in parallel as mutators of the runtime ({@link Reducer}).
 *
 * <p>Building: from one attached mutator thread at a time, never during {@link #reduce}, with the
 * port-level methods here ({@link #node}, {@link #var}, {@link #ref}, {@link #link}) or with
 * {@link dev.parallax.gc.net.term.NetCompiler}. Ports are the net's own words ({@link Ports}), never
 * heap addresses, so holding them across a safepoint is safe; a heap address is safe once it is in a
 * Ref cell.
 */
public final class Net implements AutoCloseable {
    private final GcRuntime runtime;
    private final NetMemory memory;
    private final Reducer reducer;
    private final RefCellRoots roots;
    private long labels = 1;
    private boolean closed;

    private Net(GcRuntime runtime, NetMemory memory, RefCellRoots roots) {
        this.runtime = runtime;
        this.memory = memory;
        this.roots = roots;
        this.reducer = new Reducer(runtime, memory);
    }

    /**
     * A net on {@code runtime}, keeping the index its Ref-cell root source needs.
     *
     * @throws NetException when the runtime has no Ref-cell root source, or more than one (each would
     *                      report every cell: a moving collector would update it twice)
     */
    public static Net create(GcRuntime runtime, NetConfig config) {
        return create(runtime, config, null);
    }

    /** As {@link #create(GcRuntime, NetConfig)}, keeping {@code index} (which must cover the root source's) or the source's own. */
    public static Net create(GcRuntime runtime, NetConfig config, RefIndex index) {
        RefCellRoots roots = refRoots(runtime.rootSources());
        NetMemory memory = new NetMemory(config.partitions(), config.workers(), config.slotsPerPartition(),
                config.varsPerPartition(), index == null ? roots.index() : index);
        try {
            roots.register(memory);
        } catch (IllegalArgumentException e) {
            memory.close();
            throw new NetException(e.getMessage(), e);
        }
        return new Net(runtime, memory, roots);
    }

    private static RefCellRoots refRoots(List<RootSource> sources) {
        List<RefCellRoots> found = sources.stream().filter(RefCellRoots.class::isInstance)
                .map(RefCellRoots.class::cast).toList();
        if (found.isEmpty()) {
            throw new NetException("the runtime has no Ref-cell root source, so a collection would not see the net's"
                    + " Ref cells; add net-naive, net-indexed or net-parallel to its roots (e.g. --roots "
                    + "precise,globals,net-indexed); it has: " + sources.stream().map(RootSource::name).toList());
        }
        if (found.size() > 1) {
            throw new NetException("the runtime has " + found.size() + " Ref-cell root sources "
                    + found.stream().map(RootSource::name).toList() + "; keep one, or every Ref cell is reported twice");
        }
        return found.getFirst();
    }

    public GcRuntime runtime() {
        return runtime;
    }

    public NetMemory memory() {
        return memory;
    }

    public RefCellRoots rootSource() {
        return roots;
    }

    public TagScheme tags() {
        return runtime.tags();
    }

    // ---- building -------------------------------------------------------------------------------

    private Allocator builder() {
        reducer.builder(); // refuses while reducing
        return memory.builder();
    }

    /** A fresh duplicator label. */
    public long freshLabel() {
        return labels++;
    }

    /** A node of {@code tag} ({@link Ports#CON}, {@link Ports#DUP}, {@link Ports#OP2}) with the given aux ports; its principal port. */
    public long node(int tag, long label, long aux1, long aux2) {
        if (!Ports.isBinary(tag)) {
            throw new IllegalArgumentException("node(): a binary node tag, not " + tag);
        }
        if (label < 0 || label >= 1L << 32) {
            throw new IllegalArgumentException("a label or operator fits in 32 bits, got " + label);
        }
        return Ports.port(tag, builder().node(tag, label << 8, aux1, aux2));
    }

    /** A fresh variable: place {@code var} at both of the wire's ends (an aux slot, or a {@link #link}). */
    public long var() {
        return Ports.port(Ports.VAR, builder().var());
    }

    /** A Ref node holding {@code taggedWord}; its port. No safepoint. */
    public long ref(long taggedWord) {
        return Ports.port(Ports.REF, builder().ref(taggedWord));
    }

    /** A Ref node holding a pointer to {@code object}. No safepoint. */
    public long refTo(long object) {
        return ref(tags().tagPointer(object));
    }

    /** The word in the cell of Ref port {@code ref}. */
    public long cell(long ref) {
        requireRef(ref);
        long id = Ports.value(ref);
        return memory.cell(id);
    }

    /** The object a Ref port's cell points to (0 if it holds no pointer). Valid until the caller's next safepoint. */
    public long target(long ref) {
        long word = cell(ref);
        return tags().isPointer(word) ? tags().untag(word) : 0;
    }

    /** Frees a Ref node that is connected to nothing (one the mutator side made and holds). */
    public void dropRef(long ref) {
        requireRef(ref);
        builder().freeRef(Ports.value(ref));
    }

    private static void requireRef(long port) {
        if (Ports.tag(port) != Ports.REF) {
            throw new IllegalArgumentException("not a Ref port: " + Ports.describe(port));
        }
    }

    /** Connects two wire ends; two principal ports become a redex for the next {@link #reduce}. */
    public void link(long a, long b) {
        Interactions linker = reducer.builder();
        linker.link(a, b);
    }

    // ---- reducing -------------------------------------------------------------------------------

    /**
     * Reduces to normal form with the workers and waits. Call it from a thread that is not attached to
     * the runtime, or use {@link #reduce(Mutator)}.
     *
     * @return interactions performed
     */
    public long reduce() {
        return reducer.reduce();
    }

    /** Reduces from an attached mutator thread, which waits blocked (so collections need not wait for it). */
    public long reduce(Mutator caller) {
        long[] n = new long[1];
        caller.runBlocked(() -> n[0] = reducer.reduce());
        return n[0];
    }

    public Reducer reducer() {
        return reducer;
    }

    // ---- reading back ---------------------------------------------------------------------------

    /** Follows variables from a wire end to what the other end is connected to (a var if unconnected). */
    public long resolve(long port) {
        while (Ports.tag(port) == Ports.VAR) {
            long id = Ports.value(port);
            long next = memory.partition(id).varWord(Partition.slotOf(id));
            if (next == Ports.EMPTY) {
                return port;
            }
            port = next;
        }
        return port;
    }

    /**
     * The normal form at a wire end as text: numbers as themselves, Refs by their contents ({@code box
     * 5}, {@code #5} for a small integer, {@code tuple(box 1, box 2)}), erasers as {@code *}, nodes as
     * {@code con(.., ..)}; the same text for equal normal forms whatever the addresses. Reads the heap
     * through {@code m}, an attached mutator (no safepoint).
     */
    public String readback(long port, Mutator m) {
        StringBuilder out = new StringBuilder();
        read(resolve(port), m, out, 0);
        return out.toString();
    }

    private void read(long port, Mutator m, StringBuilder out, int depth) {
        if (depth > 64) {
            out.append("...");
            return;
        }
        switch (Ports.tag(port)) {
            case Ports.NUM -> out.append(Ports.numValue(port));
            case Ports.ERA -> out.append('*');
            case Ports.VAR -> out.append("_");
            case Ports.REF -> describeWord(cell(port), m, out);
            default -> {
                long id = Ports.value(port);
                Partition p = memory.partition(id);
                long slot = Partition.slotOf(id);
                String kind = switch (Ports.tag(port)) {
                    case Ports.CON -> "con";
                    case Ports.DUP -> "dup";
                    case Ports.OP2 -> "op";
                    default -> "op1";
                };
                out.append(kind).append('(');
                read(resolve(p.auxWord(slot, 1)), m, out, depth + 1);
                out.append(", ");
                read(resolve(p.auxWord(slot, 2)), m, out, depth + 1);
                out.append(')');
            }
        }
    }

    /** A Ref cell's word as text (see {@link #readback}). */
    public void describeWord(long word, Mutator m, StringBuilder out) {
        TagScheme tags = tags();
        switch (tags.kindOf(word)) {
            case NULL -> out.append("null");
            case SMALL_INT -> out.append('#').append(tags.untagSmallInt(word));
            case PORT -> out.append("port ").append(tags.untagPort(word));
            case IMMEDIATE -> out.append("imm ").append(tags.untagImmediate(word));
            case POINTER -> {
                long object = tags.untag(word);
                ObjectKind kind = m.kind(object);
                if (kind == ObjectKind.BOXED_LONG) {
                    out.append("box ").append(m.unboxLong(object));
                } else if (kind == ObjectKind.REF_ARRAY) {
                    out.append("tuple(");
                    for (int i = 0; i < m.length(object); i++) {
                        if (i > 0) {
                            out.append(", ");
                        }
                        describeWord(m.readValue(object, i), m, out);
                    }
                    out.append(')');
                } else {
                    out.append(kind.name().toLowerCase()).append('@').append(m.length(object));
                }
            }
            default -> out.append("invalid 0x").append(Long.toHexString(word));
        }
    }

    /** Live Ref nodes (a walk over every slab). */
    public long liveRefs() {
        return memory.countRefs();
    }

    /** Leaves the runtime's roots and frees the slabs. The net's Refs stop being roots. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            roots.unregister(memory);
            memory.close();
        }
    }

    /** The number an operand of the net stands for (see {@link Interactions#valueOf}). */
    public int valueOf(long word, Mutator m) {
        return Interactions.valueOf(word, m, tags());
    }
}
