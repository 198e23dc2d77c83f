package dev.parallax.gc.collectors.trace;

import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The tracing loop shared by the mark-based collectors: marks objects in a {@link MarkBits} and
 * keeps the grey ones (marked, fields not yet scanned) on an explicit {@link MarkStack}. It is the
 * root visitor ({@link #visitSlot}, {@link #visitPinningRoot}); while {@link #drain draining} it
 * scans each object's body itself, iterating a shape's reference map or an array's words, with no
 * call per slot.
 *
 * <p>Invariant kept: an object is on the mark stack at most once (it is pushed only by the call
 * that set its mark), so the trace does work proportional to the live graph.
 *
 * <h2>What is checked</h2>
 * In debug mode ({@link ObjectModel#debug()}) every traced reference must be the start of an
 * allocated object, as the pause's {@link CollectionScope#objectContaining object-start map} knows
 * it: a reference outside the heap, into free space, or to an interior address of an object (whose
 * word there may happen to look like a header) fails with a {@link HeapCorruptionException} naming
 * the field or root it came from and what the target is, before anything is marked. The collector
 * must therefore hand the marker each pause's scope ({@link #inPause}) before it marks in that pause.
 * Release mode checks memory safety only: a reference outside the heap throws (the heap segment and
 * the mark bitmap are bounds-checked); a wrong in-heap one is trusted and marks whatever is there,
 * which corrupts the heap silently; the next debug run names it.
 */
public final class Marker implements RootVisitor {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;
    private static final int SHAPED = ObjectKind.SHAPED.code();
    private static final int REF_ARRAY = ObjectKind.REF_ARRAY.code();
    private static final int CLOSURE = ObjectKind.CLOSURE.code();

    private final ObjectModel objects;
    private final MemorySegment heap;
    private final long base;
    private final long limit;
    private final long headerBytes;
    private final TagScheme tags;
    private final MarkBits marks;
    private final MarkStack stack = new MarkStack();
    private final boolean debug;
    /** Header bits set on objects named by pinning roots (0: the collector does not move objects). */
    private final long cyclePinBits;
    /** The shape table as of the current trace (shapes are only ever added). */
    private Shape[] shapes = new Shape[0];
    /** The pause marking runs in (debug mode resolves object starts through it); null before the first. */
    private CollectionScope scope;
    /** The object whose fields are being scanned, 0 while roots are visited (for messages). */
    private long scanning;
    private long markedObjects;
    private long markedBytes;

    public Marker(ObjectModel objects, TagScheme tags, MarkBits marks) {
        this(objects, tags, marks, 0);
    }

    /**
     * @param cyclePinBits header bits to set on every object a pinning root names, so that a moving
     *                     collector can leave it in place this cycle (and clear the bits afterwards)
     */
    public Marker(ObjectModel objects, TagScheme tags, MarkBits marks, long cyclePinBits) {
        this.objects = objects;
        this.heap = objects.heap();
        this.base = objects.base();
        this.limit = objects.limit();
        this.headerBytes = objects.headerBytes();
        this.tags = tags;
        this.marks = marks;
        this.debug = objects.debug();
        this.cyclePinBits = cyclePinBits;
    }

    /** Forgets the previous trace: empty mark stack, zero counters. The marks themselves are the caller's. */
    public void reset() {
        stack.reset();
        scanning = 0;
        markedObjects = 0;
        markedBytes = 0;
    }

    /**
     * The pause the marks that follow run in: a collector calls it at the start of every pause in
     * which it marks (a trace may span several pauses of an incremental collector). Debug mode checks
     * each traced reference against this scope's object starts.
     */
    public void inPause(CollectionScope scope) {
        this.scope = scope;
    }

    public MarkBits marks() {
        return marks;
    }

    @Override
    public void visitSlot(MemorySegment region, long offset) {
        long word = region.get(WORD, offset);
        if (tags.isPointer(word)) {
            mark(tags.untag(word), region, offset);
        }
    }

    @Override
    public void visitPinningRoot(long object) {
        mark(object, null, 0);
        if (cyclePinBits != 0) {
            objects.setBits(object, cyclePinBits);
        }
    }

    /** Marks the object at {@code address} grey unless it is already marked (a barrier's shade). */
    public void shade(long address) {
        mark(address, null, 0);
    }

    /** Scans grey objects until none is left: afterwards every object reachable from a marked one is marked. */
    public void drain() {
        drain(Long.MAX_VALUE);
    }

    /**
     * Scans at most {@code budget} grey objects (an increment of incremental marking).
     *
     * @return true when no grey object is left
     */
    public boolean drain(long budget) {
        shapes = objects.shapes().snapshot();
        MarkStack grey = stack;
        for (long n = 0; n < budget && !grey.isEmpty(); n++) {
            scan(grey.pop());
        }
        scanning = 0;
        return grey.isEmpty();
    }

    /** Objects scanned since {@link #reset}: after a complete drain, every object marked by this trace. */
    public long markedObjects() {
        return markedObjects;
    }

    /** Bytes of the objects counted by {@link #markedObjects}. */
    public long markedBytes() {
        return markedBytes;
    }

    /** Traces every reference field of {@code object}: the shape's reference map, or every word of an array. */
    private void scan(long object) {
        long status = heap.get(WORD, object - base);
        markedObjects++;
        markedBytes += objects.sizeOf(status);
        if (debug) {
            scanning = object;
        }
        int kind = HeaderLayout.kindCode(status);
        long body = object - base + headerBytes;
        if (kind == SHAPED) {
            long[] map = shapeOf(object, status).refMap();
            for (int w = 0; w < map.length; w++) {
                long bits = map[w];
                while (bits != 0) {
                    long field = ((long) w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    traceField(body + (field << 3));
                }
            }
        } else if (kind == REF_ARRAY || kind == CLOSURE) {
            long end = body + (HeaderLayout.length(status) << 3);
            for (long offset = body; offset < end; offset += HeaderLayout.WORD_BYTES) {
                traceField(offset);
            }
        }
    }

    private void traceField(long offset) {
        long word = heap.get(WORD, offset);
        if (tags.isPointer(word)) {
            mark(tags.untag(word), heap, offset);
        }
    }

    private Shape shapeOf(long object, long status) {
        int id = HeaderLayout.typeId(status);
        Shape shape = id < shapes.length ? shapes[id] : null;
        if (shape == null) {
            shapes = objects.shapes().snapshot(); // defined since the drain began?
            shape = id < shapes.length ? shapes[id] : null;
            if (shape == null) {
                throw new HeapCorruptionException("marking: " + objects.describe(object) + " names shape id " + id
                        + ", which is not defined");
            }
        }
        return shape;
    }

    private void mark(long object, MemorySegment region, long offset) {
        if (debug) {
            validate(object, region, offset);
        }
        if (marks.testAndMark(object)) {
            stack.push(object);
        }
    }

    /** Debug mode: the target is the start of an allocated object. */
    private void validate(long object, MemorySegment region, long offset) {
        if (scope == null) {
            throw new IllegalStateException("marking in debug mode needs the pause's scope: the collector must call "
                    + "Marker.inPause(scope) before it marks");
        }
        if (object < base || object >= limit || (object & (HeaderLayout.ALIGNMENT - 1)) != 0) {
            throw corrupt(object, region, offset, objects.describe(object));
        }
        long start = scope.objectContaining(object);
        if (start != object) {
            throw corrupt(object, region, offset, start != 0
                    ? String.format("0x%x, byte %d inside %s: not an object start", object, object - start,
                            objects.describe(start))
                    : String.format("0x%x, which is not an allocated object (free space, or no cell starts there)",
                            object));
        }
    }

    private HeapCorruptionException corrupt(long target, MemorySegment region, long offset, String what) {
        String from;
        if (region == null) {
            from = "a pinning root or barrier";
        } else if (scanning != 0) {
            from = String.format("field %d of %s", (base + offset - scanning - headerBytes) / HeaderLayout.WORD_BYTES,
                    objects.describe(scanning));
        } else {
            from = String.format("root slot at byte %d of region 0x%x", offset, region.address());
        }
        return new HeapCorruptionException("marking: " + from + " refers to " + what);
    }
}
