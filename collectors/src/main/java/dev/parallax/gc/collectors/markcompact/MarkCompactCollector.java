package dev.parallax.gc.collectors.markcompact;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.SlotVisitor;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.collectors.space.FreeList;
import dev.parallax.gc.collectors.space.FreeListSpace;
import dev.parallax.gc.collectors.trace.MarkBitmap;
import dev.parallax.gc.collectors.trace.Marker;
import dev.parallax.gc.collectors.trace.MarkerReferences;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;

/**
 * Stop-the-world sliding mark-compact (Lisp-2 order, forwarding kept in a side table):
 *
 * <pre>
 * collect = prepare; markRoots; traceLive; computeForwarding; updateReferences; relocate; release
 * </pre>
 * Live objects slide towards the heap start in address order, so allocation order is kept and,
 * with nothing pinned, the live data ends up contiguous and all free space is one block that
 * allocation buffers are bumped out of. Pinned objects (API pins, and objects named by a
 * conservative root, pinned for this cycle) stay put; the objects before them slide up to them and
 * the gap left is free space: the fragmentation pinning costs, reported by {@link #usage()}. Large
 * objects (at least {@link #LARGE_OBJECT_BYTES}) stay put too: copying them costs more than the
 * space they would close up (the allocator keeps them at the top of the free space anyway).
 *
 * <p>Marks live in a side {@link MarkBitmap}, so forwarding visits only live objects. Cost: marking
 * is proportional to the live graph; forwarding and relocation to the live objects (plus the
 * bitmap); updating visits every slot of every live object and every root once (O(1) lookups).
 */
public final class MarkCompactCollector implements Collector {
    public static final String NAME = "mark-compact";
    /** The header bit marking "pinned by a conservative root during this collection". */
    private static final long CYCLE_PIN = HeaderLayout.GREY_BIT;
    private static final long STAYS = HeaderLayout.PINNED_BIT | CYCLE_PIN;
    /** Objects at least this large are never moved. */
    public static final long LARGE_OBJECT_BYTES = 64 * 1024;

    private ObjectModel objects;
    private TagScheme tags;
    private FreeListSpace space;
    private FreeList free;
    private MarkBitmap marks;
    private Marker marker;
    private ForwardingTable forwarding;
    private final SlotUpdater updater = new SlotUpdater(false);
    private final SlotUpdater rootUpdater = new SlotUpdater(true);
    private long liveObjects;
    private long movedObjects;
    private long pinnedObjects;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorConstraints constraints() {
        return new CollectorConstraints(true, false, true, "none");
    }

    @Override
    public void initialize(ObjectModel objects, TagScheme tags) {
        this.objects = objects;
        this.tags = tags;
        this.space = new FreeListSpace(objects);
        this.free = space.list();
        this.marks = new MarkBitmap(objects);
        this.marker = new Marker(objects, tags, marks, CYCLE_PIN);
        this.forwarding = new ForwardingTable(objects.base(), objects.limit());
    }

    @Override
    public boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        return space.refill(buffer, minBytes, preferredBytes);
    }

    @Override
    public long allocateLarge(long bytes) {
        return space.allocate(bytes);
    }

    @Override
    public void collect(CollectionScope scope) {
        space.beginRebuild();
        try {
            prepare(scope);
            markRoots(scope);
            traceLive(scope);
            processReferences(scope);
            computeForwarding(scope);
            updateReferences(scope);
            relocate(scope);
            release(scope);
        } finally {
            space.endRebuild();
        }
    }

    /** No object is marked and the forwarding table is empty. */
    private void prepare(CollectionScope scope) {
        scope.phase(GcPhase.PREPARE);
        marker.reset();
        marker.inPause(scope);
        forwarding.clear();
    }

    /** Root targets are marked; those named by pinning roots also carry CYCLE_PIN. */
    private void markRoots(CollectionScope scope) {
        scope.phase(GcPhase.MARK_ROOTS);
        scope.scanRoots(marker);
    }

    /** Every reachable object is marked. */
    private void traceLive(CollectionScope scope) {
        scope.phase(GcPhase.TRACE_LIVE);
        marker.drain();
    }

    /** References to unmarked objects are cleared; what finalization and the soft policy keep is marked. */
    private void processReferences(CollectionScope scope) {
        scope.processReferences(new MarkerReferences(marker));
    }

    /**
     * Every live object has a new address: the next free address, or its own if it stays (pinned
     * or large). New addresses keep address order and never exceed the old ones, so relocation can
     * copy in order.
     */
    private void computeForwarding(CollectionScope scope) {
        scope.phase(GcPhase.COMPUTE_FORWARDING);
        long limit = objects.limit();
        long next = objects.base();
        long moved = 0;
        long pinned = 0;
        for (long cell = marks.nextMarked(objects.base()); cell < limit; ) {
            long status = objects.status(cell);
            long bytes = checkedCellBytes(cell, status);
            boolean pin = (status & STAYS) != 0;
            long target = pin || bytes >= LARGE_OBJECT_BYTES ? cell : next;
            forwarding.add(cell, target);
            next = target + bytes;
            moved += target != cell ? 1 : 0;
            pinned += pin ? 1 : 0;
            cell = marks.nextMarked(cell + bytes);
        }
        forwarding.seal();
        movedObjects = moved;
        pinnedObjects = pinned;
    }

    /** Every root slot and every field of a live object names the new address of its target. */
    private void updateReferences(CollectionScope scope) {
        scope.phase(GcPhase.UPDATE_REFERENCES);
        scope.scanRoots(rootUpdater);
        scope.forwardReferences(forwarding::forward);
        for (int i = 0; i < forwarding.size(); i++) {
            objects.scanObject(forwarding.oldAddress(i), updater);
        }
    }

    /** Every live object sits at its new address with its cycle pin cleared (its API pin kept); no mark is left. */
    private void relocate(CollectionScope scope) {
        scope.phase(GcPhase.RELOCATE);
        for (int i = 0; i < forwarding.size(); i++) {
            long from = forwarding.oldAddress(i);
            long to = forwarding.newAddress(i);
            if (from != to) {
                objects.copyObject(from, to, objects.cellBytes(from));
            }
            objects.clearBits(to, CYCLE_PIN);
        }
        marks.clearAll();
    }

    /** The space not covered by a live object is free: the gaps before pinned objects and the tail. */
    private void release(CollectionScope scope) {
        scope.phase(GcPhase.RELEASE);
        boolean poison = scope.poisonFreedMemory();
        free.clear();
        long next = objects.base();
        for (int i = 0; i < forwarding.size(); i++) {
            long to = forwarding.newAddress(i);
            free.addFree(next, to, poison);
            next = to + objects.cellBytes(to);
        }
        free.addFree(next, objects.limit(), poison);
        liveObjects = forwarding.size();
    }

    /** The size of the marked object at {@code cell}, checked to be an object that fits the heap. */
    private long checkedCellBytes(long cell, long status) {
        ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(status));
        long bytes = objects.sizeOf(status);
        if (kind == null || !kind.isObject() || bytes > objects.limit() - cell) {
            throw new HeapCorruptionException(String.format(
                    "compaction: the marked cell at 0x%x (status 0x%x) is not an object", cell, status));
        }
        return bytes;
    }

    @Override
    public long liveObjects() {
        return liveObjects;
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("moved-last-gc", movedObjects, "pinned-last-gc", pinnedObjects);
    }

    /** Objects that changed address in the latest collection. */
    public long movedObjects() {
        return movedObjects;
    }

    /** Live objects that stayed put in the latest collection because they were pinned. */
    public long pinnedObjects() {
        return pinnedObjects;
    }

    @Override
    public HeapUsage usage() {
        return space.usage();
    }

    /**
     * Rewrites a slot to its target's new address, keeping the tag; pinning roots need nothing. Root
     * slots are rewritten with a compare-and-set ({@code TaggedCells}), heap fields with a store.
     */
    private final class SlotUpdater implements RootVisitor, SlotVisitor {
        private final boolean roots;

        SlotUpdater(boolean roots) {
            this.roots = roots;
        }

        @Override
        public void visitSlot(MemorySegment region, long offset) {
            long word = region.get(ValueLayout.JAVA_LONG, offset);
            if (tags.isPointer(word)) {
                long target = tags.untag(word);
                long moved = forwarding.forward(target);
                if (moved != target) {
                    if (roots) {
                        dev.parallax.gc.api.roots.TaggedCells.retarget(region, offset, word, moved, tags);
                    } else {
                        region.set(ValueLayout.JAVA_LONG, offset, tags.retarget(word, moved));
                    }
                }
            }
        }

        @Override
        public void visitPinningRoot(long object) {
        }
    }
}
