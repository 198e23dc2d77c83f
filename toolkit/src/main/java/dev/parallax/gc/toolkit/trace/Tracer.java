package dev.parallax.gc.toolkit.trace;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.reference.ReferenceTracer;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.space.Space;
import dev.parallax.gc.toolkit.space.TraceQueue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The transitive closure of a plan built from spaces (MMTk's trace): for every root slot and every
 * reference field of every object reached, finds the target's space through the page resource's
 * owner table and asks it to trace the object ({@link Space#traceObject}), then writes the address
 * the space returns back into the slot, keeping the tag, when the object moved. Spaces hand newly
 * reached objects back through {@link #enqueue}; {@link #drain} scans them until none is left.
 *
 * <p>A space not collected this time (the mature space of a minor collection) is left alone: its
 * objects count as live and are not scanned, unless the plan scans them itself ({@link #scanObject},
 * e.g. for a remembered set).
 *
 * <p>Cost: one owner-table load and one space call per reference traced, no call per slot on the
 * scan loop. In debug mode ({@link ObjectModel#debug()}) every reference is checked to name an
 * aligned address in a space's pages holding an object header, failing with the field or root it
 * came from.
 *
 * <p>Threads: a tracer belongs to one thread. For a parallel trace ({@link ParallelTrace}) each GC
 * worker has its own tracer, all sharing one {@link WorkPackets}: a tracer with a long grey stack
 * publishes packets of it, an idle one takes them, and {@link #drain} returns when the whole trace
 * is done. The spaces traced in parallel must then trace objects atomically.
 */
public final class Tracer extends TracerPaddingAfter implements RootVisitor, TraceQueue, ReferenceTracer {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;
    private static final int SHAPED = ObjectKind.SHAPED.code();
    private static final int REF_ARRAY = ObjectKind.REF_ARRAY.code();
    private static final int CLOSURE = ObjectKind.CLOSURE.code();

    private final ObjectModel objects;
    private final MemorySegment heap;
    private final long base;
    private final long headerBytes;
    private final TagScheme tags;
    private final PageResource pages;
    private final boolean debug;
    private final Space[] spaces = new Space[128];
    private final boolean[] collected = new boolean[128];
    /** Per space id: collected and wants {@link Space#postScanObject} for each object scanned. */
    private final boolean[] postScan = new boolean[128];
    /** Whether any entry of {@link #postScan} is set: else a scan skips the owner lookup. */
    private boolean anyPostScan;
    /**
     * The space, when this collection traces only one (a nursery's minor collection), and its id
     * ({@link #NO_SOLE_SPACE} otherwise): its objects are traced by a direct call after one compare
     * of the owner id, without the collected-set and space-table loads (JMH {@code MinorCollection}
     * with one worker: a fifth to a quarter less time).
     */
    private Space soleSpace;
    private int soleSpaceId = NO_SOLE_SPACE;
    private static final int NO_SOLE_SPACE = Integer.MIN_VALUE;   // no page owner id equals it
    private Shape[] shapes = new Shape[0];
    private long scanning;
    /** Shared with the other workers' tracers during a parallel trace; null for a lone tracer. */
    private WorkPackets packets;
    /** This tracer's worker index in its {@link ParallelTrace} (0 for a lone tracer). */
    int worker;

    public Tracer(ObjectModel objects, TagScheme tags, PageResource pages) {
        this.objects = objects;
        this.heap = objects.heap();
        this.base = objects.base();
        this.headerBytes = objects.headerBytes();
        this.tags = tags;
        this.pages = pages;
        this.debug = objects.debug();
    }

    /** Makes {@code space} known to the tracer; its objects are traced when it is {@link #collect collected}. */
    public void add(Space space) {
        spaces[space.id()] = space;
    }

    /** Whether this collection traces {@code space} (else its objects count as live and stay unscanned). */
    public void collect(Space space, boolean traced) {
        spaces[space.id()] = space;   // a collected id always has its space: the trace paths index spaces[] by it
        collected[space.id()] = traced;
        postScan[space.id()] = traced && space.needsPostScan();
        anyPostScan = false;
        for (boolean wanted : postScan) {
            anyPostScan |= wanted;
        }
        findSoleSpace();
    }

    /** Sets {@link #soleSpace}: the one collected space, if exactly one is. */
    private void findSoleSpace() {
        soleSpace = null;
        soleSpaceId = NO_SOLE_SPACE;
        for (int id = 0; id < collected.length; id++) {
            if (collected[id]) {
                if (soleSpace != null) {
                    soleSpace = null;
                    soleSpaceId = NO_SOLE_SPACE;
                    return;
                }
                soleSpace = spaces[id];
                soleSpaceId = id;
            }
        }
    }

    /** Shares grey objects with other tracers through {@code packets} (a parallel trace), or not (null). */
    public void share(WorkPackets packets) {
        this.packets = packets;
    }

    /** Makes this tracer trace what {@code other} traces: the same spaces, the same collected set. */
    public void copySpacesFrom(Tracer other) {
        System.arraycopy(other.spaces, 0, spaces, 0, spaces.length);
        System.arraycopy(other.collected, 0, collected, 0, collected.length);
        System.arraycopy(other.postScan, 0, postScan, 0, postScan.length);
        anyPostScan = other.anyPostScan;
        soleSpace = other.soleSpace;
        soleSpaceId = other.soleSpaceId;
    }

    /** Forgets the previous trace's counters; the grey set is empty between traces. */
    public void reset() {
        greyCount = 0;
        scanned = 0;
        scanning = 0;
        shapes = objects.shapes().snapshot();
    }

    // ---- roots ----------------------------------------------------------------------------------

    @Override
    public void visitSlot(MemorySegment region, long offset) {
        long word = region.get(WORD, offset);
        if (tags.isPointer(word)) {
            long target = tags.untag(word);
            long moved = trace(target, region, offset);
            if (moved != target) {
                dev.parallax.gc.api.roots.TaggedCells.retarget(region, offset, word, moved, tags);
            }
        }
    }

    /** The object stays where it is this collection and is traced. */
    @Override
    public void visitPinningRoot(long object) {
        if (debug) {
            validate(object, null, 0);
        }
        int owner = pages.ownerOf(object);
        if (collected[owner]) {
            spaces[owner].pinAndTrace(object, this);
        }
    }

    /** A root visitor that handles only the pinning roots (a plan's first pass when it may move objects). */
    public RootVisitor pinningRootsOnly() {
        return new RootVisitor() {
            @Override
            public void visitSlot(MemorySegment region, long offset) {
            }

            @Override
            public void visitPinningRoot(long object) {
                Tracer.this.visitPinningRoot(object);
            }
        };
    }

    /** A root visitor that handles only the slots (the second pass, once pinned objects are known). */
    public RootVisitor slotsOnly() {
        return new RootVisitor() {
            @Override
            public void visitSlot(MemorySegment region, long offset) {
                Tracer.this.visitSlot(region, offset);
            }

            @Override
            public void visitPinningRoot(long object) {
            }
        };
    }

    // ---- weak processing (after the closure; one tracer) ----------------------------------------

    /** Live: traced by its space this collection, or in a space this collection does not collect. */
    @Override
    public boolean isLive(long object) {
        int owner = pages.ownerOf(object);
        return !collected[owner] || spaces[owner].isLive(object);
    }

    @Override
    public long forwarded(long object) {
        long status = objects.status(object);
        return HeaderLayout.isForwarding(status) ? HeaderLayout.forwardee(status) : object;
    }

    @Override
    public long retain(long object) {
        return trace(object, null, 0);
    }

    @Override
    public void closure() {
        drain();
    }

    // ---- the closure ----------------------------------------------------------------------------

    @Override
    public void enqueue(long object) {
        if (greyCount == grey.length) {
            grey = Arrays.copyOf(grey, greyCount * 2);
        }
        grey[greyCount++] = object;
    }

    /**
     * Scans up to {@code budget} grey objects alone (no sharing); true when none is left. How a
     * parallel trace starts: a small trace ends here without waking the other workers.
     */
    public boolean drainAlone(long budget) {
        for (long n = 0; n < budget && greyCount > 0; n++) {
            scanObject(grey[--greyCount]);
        }
        return greyCount == 0;
    }

    /** Scans grey objects until none is left (in a parallel trace: until no tracer has any left). */
    public void drain() {
        while (true) {
            while (greyCount > 0) {
                scanObject(grey[--greyCount]);
                if (packets != null && shouldPublish()) {
                    publish();
                }
            }
            if (packets == null) {
                break;
            }
            long[] packet = packets.awaitWork();
            if (packet == null) {
                break;
            }
            for (long object : packet) {
                enqueue(object);
            }
        }
        scanning = 0;
    }

    /**
     * A long grey stack is shared whenever packets are wanted; a short one (a tree traced depth
     * first keeps about its depth grey) only when a tracer is idle with nothing to take, checked
     * every 32 objects: otherwise a deep, narrow structure never leaves the first tracer.
     */
    private boolean shouldPublish() {
        if (greyCount >= 2 * WorkPackets.PACKET) {
            return packets.wanted();
        }
        return greyCount >= 2 && (scanned & 31) == 0 && packets.hungry();
    }

    /**
     * Hands the oldest grey objects to the shared packets, keeping the newest: depth first stays
     * local. A long stack gives up to a packet (at most half); a short one, only its oldest object,
     * as a work-stealing deque gives its oldest task: in a tree traced depth first that is the
     * largest pending subtree, about half the work left, where the older half of the stack would be
     * nearly all of it and the two tracers would hand the work back and forth.
     */
    private void publish() {
        publish(greyCount >= 2 * WorkPackets.PACKET ? Math.min(WorkPackets.PACKET, greyCount / 2) : 1);
    }

    /** Moves the {@code n} oldest grey objects into a packet. */
    private void publish(int n) {
        long[] packet = Arrays.copyOf(grey, n);
        System.arraycopy(grey, n, grey, 0, greyCount - n);
        greyCount -= n;
        packets.publish(packet);
    }

    /** Publishes grey objects in packets until at most one packet's worth is left: the start of a parallel trace. */
    public void distribute() {
        while (packets != null && greyCount > WorkPackets.PACKET) {
            publish(Math.min(WorkPackets.PACKET, greyCount - WorkPackets.PACKET));
        }
    }

    @Override
    public int worker() {
        return worker;
    }

    /** Objects scanned since {@link #reset}. */
    public long scanned() {
        return scanned;
    }

    /**
     * Traces every reference field of {@code object}, updating the fields whose targets moved. For
     * grey objects and for objects a plan treats as roots (a remembered set). The object's space,
     * when collected, gets its post-scan call first.
     */
    public void scanObject(long object) {
        long status = heap.get(WORD, object - base);
        scanned++;
        if (debug) {
            scanning = object;
        }
        if (anyPostScan) {
            int owner = pages.ownerOf(object);
            if (postScan[owner]) {
                spaces[owner].postScanObject(object, status);
            }
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
            long target = tags.untag(word);
            long moved = trace(target, heap, offset);
            if (moved != target) {
                heap.set(WORD, offset, tags.retarget(word, moved));
            }
        }
    }

    /** The target's address after this collection: its space traces it, or it stays (a space not collected). */
    private long trace(long target, MemorySegment region, long offset) {
        if (debug) {
            validate(target, region, offset);
        }
        int owner = pages.ownerOf(target);
        if (owner == soleSpaceId) {
            return soleSpace.traceObject(target, this);
        }
        if (!collected[owner]) { // also a page no space holds: collected[] is false there
            return target;
        }
        return spaces[owner].traceObject(target, this);
    }

    private Shape shapeOf(long object, long status) {
        int id = HeaderLayout.typeId(status);
        Shape shape = id < shapes.length ? shapes[id] : null;
        if (shape == null) {
            shapes = objects.shapes().snapshot();
            shape = id < shapes.length ? shapes[id] : null;
            if (shape == null) {
                throw new HeapCorruptionException("tracing: " + objects.describe(object) + " names shape id " + id
                        + ", which is not defined");
            }
        }
        return shape;
    }

    /** Debug mode: the target is an aligned heap address in some space's pages, holding an object header. */
    private void validate(long target, MemorySegment region, long offset) {
        String why = null;
        if (!objects.inHeap(target) || (target & (HeaderLayout.ALIGNMENT - 1)) != 0) {
            why = objects.whyNotObject(target);
        } else if (spaces[pages.ownerOf(target)] == null) {
            why = String.format("0x%x lies in pages no space holds", target);
        } else {
            long status = objects.status(target);
            ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(status));
            if ((kind == null || !kind.isObject()) && !HeaderLayout.isForwarding(status)) {
                why = objects.whyNotObject(target);
            }
        }
        if (why != null) {
            String from;
            if (region == null) {
                from = "a pinning root";
            } else if (scanning != 0) {
                from = String.format("field %d of %s", (base + offset - scanning - headerBytes) / HeaderLayout.WORD_BYTES,
                        objects.describe(scanning));
            } else {
                from = String.format("root slot at byte %d of region 0x%x", offset, region.address());
            }
            throw new HeapCorruptionException("tracing: " + from + " refers to " + why);
        }
    }
}
