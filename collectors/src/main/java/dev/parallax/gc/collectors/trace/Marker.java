package dev.parallax.gc.collectors.trace;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Marks objects through the header MARK bit with an explicit {@link MarkStack}: the tracing loop
 * shared by the mark-based collectors. It is both the root visitor ({@link #visitSlot},
 * {@link #visitPinningRoot}) and the field visitor used while {@link #drain draining}.
 *
 * <p>Invariant kept: an object is on the mark stack at most once (it is pushed only by the call
 * that set its mark bit), so the trace does work proportional to the live graph. Every reference
 * is checked to name a valid object start before its header is written, so a bad reference fails
 * with a {@link HeapCorruptionException} naming where it came from instead of corrupting memory.
 */
public final class Marker implements RootVisitor {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;

    private final ObjectModel objects;
    private final TagScheme tags;
    private final MarkStack stack = new MarkStack();
    private final long base;
    private final long limit;
    /** Header bits set on objects named by pinning roots (0: the collector does not move objects). */
    private final long cyclePinBits;
    /** The object whose fields are being scanned, 0 while roots are visited (for messages). */
    private long scanning;
    private long markedObjects;
    private long markedBytes;

    public Marker(ObjectModel objects, TagScheme tags) {
        this(objects, tags, 0);
    }

    /**
     * @param cyclePinBits header bits to set on every object a pinning root names, so that a moving
     *                     collector can leave it in place this cycle (and clear the bits afterwards)
     */
    public Marker(ObjectModel objects, TagScheme tags, long cyclePinBits) {
        this.objects = objects;
        this.tags = tags;
        this.cyclePinBits = cyclePinBits;
        this.base = objects.base();
        this.limit = objects.limit();
    }

    /** Forgets the counters of the previous trace. */
    public void reset() {
        stack.reset();
        scanning = 0;
        markedObjects = 0;
        markedBytes = 0;
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
        for (long n = 0; n < budget && !stack.isEmpty(); n++) {
            long object = stack.pop();
            scanning = object;
            objects.scanObject(object, this);
        }
        scanning = 0;
        return stack.isEmpty();
    }

    /** Marks the object at {@code address} grey unless it is already marked (a barrier's shade). */
    public void shade(long address) {
        mark(address, null, 0);
    }

    public long markedObjects() {
        return markedObjects;
    }

    public long markedBytes() {
        return markedBytes;
    }

    private void mark(long object, MemorySegment region, long offset) {
        if (object < base || object >= limit || (object & (HeaderLayout.ALIGNMENT - 1)) != 0) {
            throw corrupt(object, region, offset);
        }
        long status = objects.status(object);
        ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(status));
        if (kind == null || !kind.isObject()) {
            throw corrupt(object, region, offset);
        }
        if ((status & HeaderLayout.MARK_BIT) == 0) {
            objects.setStatus(object, status | HeaderLayout.MARK_BIT);
            markedObjects++;
            markedBytes += HeaderLayout.cellBytes(status);
            stack.push(object);
        }
    }

    private HeapCorruptionException corrupt(long target, MemorySegment region, long offset) {
        String from;
        if (region == null) {
            from = "a pinning root";
        } else if (scanning != 0) {
            from = String.format("field %d of %s", (base + offset - scanning - HeaderLayout.HEADER_BYTES) / 8,
                    objects.describe(scanning));
        } else {
            from = String.format("root slot at byte %d of region 0x%x", offset, region.address());
        }
        return new HeapCorruptionException("marking: " + from + " refers to " + objects.describe(target));
    }
}
