package dev.parallax.gc.toolkit;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.tagging.lowbit.LowBitTags;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.space.Space;
import dev.parallax.gc.toolkit.trace.Tracer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * A bare heap for testing spaces without a runtime: debug mode (object ids), a page resource, root
 * slots, a tracer, and helpers to allocate objects through an allocation buffer and to walk the heap.
 */
public final class SpacesHeap implements AutoCloseable {
    public final Arena arena;
    public final ShapeTable shapes = new ShapeTable();
    public final ObjectModel objects;
    public final TagScheme tags = new LowBitTags();
    public final PageResource pages;
    public final Tracer tracer;
    public final MemorySegment roots;
    private final List<Space> spaces = new ArrayList<>();
    private long nextId = 1;

    public SpacesHeap(long heapBytes, int rootSlots) {
        this(heapBytes, rootSlots, Arena.ofConfined());
    }

    /**
     * A heap in {@code arena}: {@code Arena.ofShared()} for a trace whose workers read the heap from
     * their own threads (a confined arena's memory is readable by its owner thread alone).
     */
    public SpacesHeap(long heapBytes, int rootSlots, Arena arena) {
        this.arena = arena;
        this.objects = new ObjectModel(arena.allocate(heapBytes, 4096), shapes, true, true);
        this.pages = new PageResource(objects);
        this.tracer = new Tracer(objects, tags, pages);
        this.roots = arena.allocate(8L * rootSlots, 8);
    }

    public <S extends Space> S add(S space) {
        spaces.add(space);
        tracer.add(space);
        tracer.collect(space, true);
        return space;
    }

    /** Writes an object's header (and zeroes its body) at {@code address}; returns it. */
    public long format(long address, ObjectKind kind, int typeId, int length) {
        objects.initialize(address, kind, typeId, length, nextId++);
        for (int i = 0; i < length; i++) {
            objects.setField(address, i, 0);
        }
        return address;
    }

    /** Bumps an object in {@code buffer}, refilling it with {@code refill} (which gets the bytes needed). */
    public long allocate(AllocationBuffer buffer, LongUnaryOperator refill, ObjectKind kind, int typeId, int length) {
        long bytes = objects.objectBytes(length);
        long a = buffer.tryBump(bytes);
        if (a == 0) {
            retire(buffer);
            if (refill.applyAsLong(bytes) == 0) {
                return 0;
            }
            a = buffer.tryBump(bytes);
        }
        return a == 0 ? 0 : format(a, kind, typeId, length);
    }

    /** Formats the buffer's unused tail as free space, as the runtime does. */
    public void retire(AllocationBuffer buffer) {
        if (buffer.limit() > buffer.cursor() && buffer.cursor() != 0) {
            objects.formatFree(buffer.cursor(), buffer.limit() - buffer.cursor(), 0);
        }
        buffer.clear();
    }

    public void setRoot(int slot, long address) {
        roots.set(ValueLayout.JAVA_LONG, 8L * slot, address == 0 ? 0 : tags.tagPointer(address));
    }

    public long root(int slot) {
        long word = roots.get(ValueLayout.JAVA_LONG, 8L * slot);
        return tags.isPointer(word) ? tags.untag(word) : 0;
    }

    public void writeRef(long object, int field, long target) {
        objects.setField(object, field, target == 0 ? 0 : tags.tagPointer(target));
    }

    public long readRef(long object, int field) {
        long word = objects.field(object, field);
        return tags.isPointer(word) ? tags.untag(word) : 0;
    }

    /** A collection of every added space: prepare, trace from the roots, release. */
    public void collect(Runnable beforeTrace) {
        spaces.forEach(Space::prepare);
        beforeTrace.run();
        tracer.reset();
        for (long off = 0; off < roots.byteSize(); off += 8) {
            tracer.visitSlot(roots, off);
        }
        tracer.drain();
        spaces.forEach(Space::release);
    }

    public void collect() {
        collect(() -> { });
    }

    /** A collection whose trace (and Immix sweep) runs on the workers of {@code trace} (configured here with this heap's spaces). */
    public void collectInParallel(dev.parallax.gc.toolkit.trace.ParallelTrace trace) {
        for (Space space : spaces) {
            trace.tracer().add(space);
            trace.tracer().collect(space, true);
        }
        spaces.forEach(Space::prepare);
        trace.trace(t -> {
            for (long off = 0; off < roots.byteSize(); off += 8) {
                t.visitSlot(roots, off);
            }
        }, trace.workers());
        spaces.forEach(space -> space.release(trace.pool()));   // an Immix space sweeps on the workers too
    }

    /** Walks the heap cell by cell; fails unless it parses to the end. Returns the objects, by id. */
    public Map<Long, Long> walk() {
        Map<Long, Long> byId = new LinkedHashMap<>();
        long a = objects.base();
        while (a < objects.limit()) {
            ObjectKind kind = objects.kind(a);
            if (kind == null) {
                throw new AssertionError(String.format("unparsable cell at 0x%x: status 0x%x", a, objects.status(a)));
            }
            if (kind.isObject()) {
                if (byId.put(objects.objectId(a), a) != null) {
                    throw new AssertionError("object #" + objects.objectId(a) + " appears twice");
                }
            }
            a += objects.cellBytes(a);
        }
        if (a != objects.limit()) {
            throw new AssertionError("heap walk overran the end");
        }
        return byId;
    }

    @Override
    public void close() {
        arena.close();
    }
}
