package dev.parallax.gc.collectors;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.tagging.lowbit.LowBitTags;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A bare heap for testing a collector without the runtime: one allocation buffer, a segment of root
 * slots, and a {@link CollectionScope} that reports them. Allocation mirrors what the runtime does
 * (bump in the buffer, large objects directly, retire the buffer before collecting).
 */
public final class TestHeap implements AutoCloseable {
    public final Arena arena = Arena.ofConfined();
    public final MemorySegment heap;
    public final ShapeTable shapes = new ShapeTable();
    public final ObjectModel objects;
    public final TagScheme tags = new LowBitTags();
    public final Collector collector;
    public final MemorySegment roots;
    public final List<GcPhase> phases = new ArrayList<>();
    /** Called at every phase the collector announces, after it is recorded (a listener's view of the pause). */
    public Consumer<GcPhase> onPhase = phase -> { };
    /** Objects every root scan also reports as pinning roots (as conservative stack roots would). */
    public final List<Long> pinningRoots = new ArrayList<>();
    private final AllocationBuffer buffer = new AllocationBuffer();
    private long nextId = 1;
    private long collections;

    /** A heap in debug mode with object ids, as the runtime's checks run it. */
    public TestHeap(Collector collector, long heapBytes, int rootSlots) {
        this(collector, heapBytes, rootSlots, true);
    }

    /** @param debug debug mode (validating collector, object ids) or release mode (no ids, no validation) */
    public TestHeap(Collector collector, long heapBytes, int rootSlots, boolean debug) {
        this.heap = arena.allocate(heapBytes, 4096);
        this.objects = new ObjectModel(heap, shapes, debug, debug);
        this.collector = collector;
        this.roots = arena.allocate(8L * rootSlots, 8);
        collector.initialize(objects, tags);
    }

    /** Hands the collector a buffer of at least {@code bytes}, as a mutator's slow path does; false when it has no room. */
    public boolean refill(long bytes) {
        retire();
        return collector.refill(buffer, bytes, bytes);
    }

    /** Allocates and zeroes an object; returns 0 when the collector has no room (no implicit GC here). */
    public long allocate(ObjectKind kind, int typeId, int length) {
        long bytes = objects.objectBytes(length);
        long a = bytes > 1024 ? collector.allocateLarge(bytes) : buffer.tryBump(bytes);
        if (a == 0 && bytes <= 1024) {
            retire();
            if (collector.refill(buffer, bytes, 4096)) {
                a = buffer.tryBump(bytes);
            }
        }
        if (a == 0) {
            return 0;
        }
        objects.initialize(a, kind, typeId, length, nextId++);
        objects.setBits(a, collector.allocationHeaderBits());
        for (int i = 0; i < length; i++) {
            objects.setField(a, i, 0);
        }
        return a;
    }

    public void setRoot(int slot, long address) {
        roots.set(ValueLayout.JAVA_LONG, 8L * slot, address == 0 ? 0 : tags.tagPointer(address));
    }

    public long root(int slot) {
        return tags.untag(roots.get(ValueLayout.JAVA_LONG, 8L * slot));
    }

    /** Stores a reference into a field through the collector's write barrier, as the runtime does. */
    public void writeRef(long object, int field, long target) {
        long old = objects.field(object, field);
        long word = target == 0 ? 0 : tags.tagPointer(target);
        if (collector.constraints().needsWriteBarrier() && collector.writeBarrier() != null) {
            collector.writeBarrier().onReferenceStore(object, field, old, word);
        }
        objects.setField(object, field, word);
    }

    public void collect() {
        collect("test");
    }

    /** A full collection for {@code reason} ("allocation failure" counts as an incremental collector's fallback). */
    public void collect(String reason) {
        retire();
        collector.collect(scope(reason));
    }

    /** One incremental step, as the runtime runs it when {@code incrementDue()} says so. */
    public void increment() {
        retire();
        collector.collectIncrement(scope("increment"));
    }

    private CollectionScope scope(String reason) {
        collections++;
        return new CollectionScope() {
            public ObjectModel objects() {
                return objects;
            }

            public TagScheme tags() {
                return tags;
            }

            public void scanRoots(RootVisitor visitor) {
                for (long off = 0; off < roots.byteSize(); off += 8) {
                    visitor.visitSlot(roots, off);
                }
                for (long object : pinningRoots) {
                    visitor.visitPinningRoot(object);
                }
            }

            public long objectContaining(long address) {
                return TestHeap.this.objectContaining(address);
            }

            public void phase(GcPhase phase) {
                phases.add(phase);
                onPhase.accept(phase);
            }

            public boolean poisonFreedMemory() {
                return true;
            }

            public String reason() {
                return reason;
            }

            public long number() {
                return collections;
            }
        };
    }

    /** Formats the buffer's unused tail as free space, as the runtime does before a collection. */
    private void retire() {
        long start = buffer.cursor();
        long end = buffer.limit();
        if (end > start) {
            objects.formatFree(start, end - start, 0);
        }
        buffer.clear();
    }

    /** The object containing {@code address} by a walk from the heap base (the runtime keeps a map), or 0. */
    long objectContaining(long address) {
        for (long a = objects.base(); a < objects.limit(); ) {
            ObjectKind kind = objects.kind(a);
            long bytes = objects.cellBytes(a);
            if (kind == null || bytes > objects.limit() - a) {
                return 0;
            }
            if (address < a + bytes) {
                return address >= a && kind.isObject() ? a : 0;
            }
            a += bytes;
        }
        return 0;
    }

    /** Walks the heap cell by cell; fails unless the walk lands on the end. Returns objects by address. */
    public Map<Long, ObjectKind> walk() {
        retire();
        Map<Long, ObjectKind> found = new LinkedHashMap<>();
        long a = objects.base();
        while (a < objects.limit()) {
            ObjectKind kind = objects.kind(a);
            if (kind == null) {
                throw new AssertionError(String.format("unparsable cell at 0x%x", a));
            }
            if (kind.isObject()) {
                found.put(a, kind);
                if ((objects.status(a) & HeaderLayout.GC_BITS & ~HeaderLayout.PINNED_BIT) != 0) {
                    throw new AssertionError("GC bits left set on " + objects.describe(a));
                }
            }
            a += objects.cellBytes(a);
        }
        if (a != objects.limit()) {
            throw new AssertionError("heap walk overran the end");
        }
        return found;
    }

    @Override
    public void close() {
        arena.close();
    }
}
