package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.toolkit.SpacesHeap;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.trace.ParallelTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.Arena;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The segregated-size-class free-list space against an independent model (plain Java adjacency lists
 * keyed by object id, as in {@link SpacesContractTest}): after every collection the heap parses, holds
 * exactly the reachable objects with their fields, and the space's object bytes are exactly theirs;
 * freed cells are reused, empty blocks go back; copies made into the space while it is being
 * collected are kept and never overwrite a survivor not yet traced; two tracers mark exactly what one
 * would; misuse fails naming the address or size.
 */
class MarkSweepSpaceTest {
    private static final int ROOTS = 6;
    private static final byte MS = 1;
    private static final byte LOS = 2;
    private static final byte NURSERY = 3;



    /** A heap with a mark-sweep space, a large-object space and, when asked, a nursery promoting into the first. */
    private static final class Fixture implements AutoCloseable {
        final SpacesHeap h;
        final MarkSweepSpace ms;
        final LargeObjectSpace los;
        final CopySpace nursery;
        final MarkSweepAllocator allocator;
        final AllocationBuffer buffer = new AllocationBuffer();
        final Shape pair;

        Fixture(long heapBytes, boolean withNursery) {
            this(heapBytes, withNursery, null);
        }

        /** With {@code tracingThreads}: a heap in shared memory, and the threads that trace the space recorded. */
        Fixture(long heapBytes, boolean withNursery, Set<Thread> tracingThreads) {
            h = tracingThreads == null ? new SpacesHeap(heapBytes, ROOTS)
                    : new SpacesHeap(heapBytes, ROOTS, Arena.ofShared());
            ms = new MarkSweepSpace(MS, "ms", h.pages);
            h.add(tracingThreads == null ? ms : new RecordingSpace(ms, tracingThreads));
            los = h.add(new LargeObjectSpace(LOS, "los", h.pages));
            nursery = withNursery ? h.add(new CopySpace(NURSERY, "nursery", h.pages)) : null;
            if (nursery != null) {
                nursery.copyTo(ms);
            }
            allocator = new MarkSweepAllocator(ms);
            pair = h.shapes.define("Pair", 3, 0, 1);
        }

        /** Room for a small object: the nursery's buffer, the allocator, or the space's locked path. */
        long small(long bytes, Random rnd) {
            int where = rnd.nextInt(8);
            if (nursery != null && where < 5) {
                return young(bytes);
            }
            return where == 7 ? ms.allocate(bytes) : allocator.allocate(bytes);
        }

        /** Room in the nursery's buffer (retire it before walking the heap); 0 when the nursery has none. */
        long young(long bytes) {
            long a = buffer.tryBump(bytes);
            if (a == 0) {
                h.retire(buffer);
                if (!nursery.refill(buffer, bytes, 4096)) {
                    return 0;
                }
                a = buffer.tryBump(bytes);
            }
            return a;
        }

        @Override
        public void close() {
            h.close();
        }
    }

    /** The space, as the tracer sees it, noting which threads trace its objects. */
    private record RecordingSpace(MarkSweepSpace space, Set<Thread> threads) implements Space {
        public byte id() {
            return space.id();
        }

        public String name() {
            return space.name();
        }

        public void prepare() {
            space.prepare();
        }

        public long traceObject(long object, TraceQueue queue) {
            threads.add(Thread.currentThread());
            return space.traceObject(object, queue);
        }

        public void pinAndTrace(long object, TraceQueue queue) {
            space.pinAndTrace(object, queue);
        }

        public boolean isLive(long object) {
            return space.isLive(object);
        }

        public void release() {
            space.release();
        }

        public long usedBytes() {
            return space.usedBytes();
        }

        public long committedBytes() {
            return space.committedBytes();
        }

        public long objectBytes() {
            return space.objectBytes();
        }
    }

    /** Builds random objects of many sizes, links them at random and picks roots (as SpacesContractTest does). */
    private static void grow(Fixture fx, Random rnd, ModelGraph g, int count) {
        SpacesHeap h = fx.h;
        List<Long> ids = new ArrayList<>(g.nodes.keySet());
        for (int i = 0; i < count; i++) {
            ObjectKind kind;
            int length;
            int pick = rnd.nextInt(40);
            if (pick == 0) {
                kind = ObjectKind.REF_ARRAY;
                length = 1100 + rnd.nextInt(1000);   // above the largest class: the large-object space
            } else if (pick <= 2) {
                kind = ObjectKind.RAW_ARRAY;
                length = rnd.nextInt((int) (SizeClasses.MAX_CELL_BYTES / 8) - 1);   // up to the largest class
            } else if (pick <= 12) {
                kind = ObjectKind.REF_ARRAY;
                length = rnd.nextInt(rnd.nextBoolean() ? 8 : 48);   // exact and geometric classes
            } else {
                kind = ObjectKind.SHAPED;
                length = 3;
            }
            long bytes = h.objects.objectBytes(length);
            long a = bytes > SizeClasses.MAX_CELL_BYTES ? fx.los.allocate(bytes) : fx.small(bytes, rnd);
            if (a == 0) {
                break;
            }
            h.format(a, kind, kind == ObjectKind.SHAPED ? fx.pair.id() : 0, length);
            long id = h.objects.objectId(a);
            long raw = 0;
            if (kind == ObjectKind.SHAPED) {
                raw = rnd.nextLong() | 1;
                h.objects.setField(a, 2, raw);
            }
            int refs = kind == ObjectKind.SHAPED ? 2 : kind == ObjectKind.REF_ARRAY ? length : 0;
            g.nodes.put(id, new ModelGraph.Node(id, new long[refs], raw, bytes));
            ids.add(id);
        }
        h.retire(fx.buffer);
        Map<Long, Long> addresses = h.walk();
        g.wireRandomly(h, rnd, ids, addresses);
    }

    /** Frees about a third of the unreachable objects in the mark-sweep space explicitly; they leave the model. */
    private static void freeSomeGarbage(Fixture fx, Random rnd, ModelGraph g) {
        Set<Long> reachable = g.reachable();
        for (Map.Entry<Long, Long> e : fx.h.walk().entrySet()) {
            if (!reachable.contains(e.getKey()) && fx.ms.sizeClassOf(e.getValue()) >= 0 && rnd.nextInt(3) == 0) {
                fx.ms.free(e.getValue());
                g.nodes.remove(e.getKey());
            }
        }
    }

    /**
     * The heap holds exactly the reachable objects, intact, and the spaces' object bytes are theirs;
     * the mark-sweep space's free bytes are the free cells of its blocks. Unreachable objects leave the model.
     */
    private static void check(Fixture fx, ModelGraph g) {
        SpacesHeap h = fx.h;
        Set<Long> reachable = g.reachable();
        Map<Long, Long> addresses = h.walk();
        assertEquals(reachable, addresses.keySet(), "the heap holds exactly the reachable objects");
        for (long id : reachable) {
            ModelGraph.Node n = g.nodes.get(id);
            long a = addresses.get(id);
            assertEquals(n.bytes(), h.objects.cellBytes(a), "object #" + id + " size");
            for (int f = 0; f < n.refs().length; f++) {
                long t = h.readRef(a, f);
                assertEquals(n.refs()[f], t == 0 ? 0 : h.objects.objectId(t), "object #" + id + " field " + f);
            }
            if (n.raw() != 0) {
                assertEquals(n.raw(), h.objects.field(a, 2), "object #" + id + " raw word");
            }
        }
        for (int s = 0; s < ROOTS; s++) {
            long r = h.root(s);
            assertEquals(g.roots[s], r == 0 ? 0 : h.objects.objectId(r), "root " + s);
        }
        long objectBytes = fx.ms.objectBytes() + fx.los.objectBytes()
                + (fx.nursery == null ? 0 : fx.nursery.objectBytes());
        assertEquals(g.bytes(reachable), objectBytes, "object bytes after a collection = the reachable objects' bytes");
        assertFreeCellsAccounted(fx);
        g.nodes.keySet().retainAll(reachable);
    }

    /** Right after a sweep: the space's blocks, counted by page owner, and their free cells, counted in the heap. */
    private static void assertFreeCellsAccounted(Fixture fx) {
        SpacesHeap h = fx.h;
        long blocks = 0;
        long free = 0;
        for (long b = h.objects.base(); b < h.objects.limit(); b += MarkSweepSpace.BLOCK_BYTES) {
            if (h.pages.ownerOf(b) != MS) {
                continue;
            }
            blocks++;
            int c = fx.ms.sizeClassOf(b);
            long cell = SizeClasses.cellBytes(c);
            for (int i = 0; i < SizeClasses.cellsPerBlock(c); i++) {
                long a = b + i * cell;
                if (h.objects.kind(a) == ObjectKind.FREE) {
                    assertEquals(cell, h.objects.cellBytes(a), String.format("free cell at 0x%x", a));
                    free += cell;
                }
            }
        }
        assertEquals(blocks * MarkSweepSpace.BLOCK_BYTES, fx.ms.committedBytes(), "committed = the space's blocks");
        assertEquals(free, fx.ms.freeBytes(), "free bytes = the free cells of the space's blocks");
        assertEquals(fx.ms.committedBytes() - free, fx.ms.usedBytes(), "used = committed - free cells");
    }

    /** Rounds of growth, explicit frees of some garbage and collections, checked against the model after each. */
    private static void rounds(long seed, boolean withNursery, Consumer<Fixture> collect) {
        rounds(seed, withNursery, null, collect);
    }

    private static void rounds(long seed, boolean withNursery, Set<Thread> tracingThreads, Consumer<Fixture> collect) {
        try (Fixture fx = new Fixture(4 << 20, withNursery, tracingThreads)) {
            Random rnd = new Random(seed);
            ModelGraph g = new ModelGraph(ROOTS);
            for (int round = 0; round < 8; round++) {
                grow(fx, rnd, g, 200 + rnd.nextInt(600));
                freeSomeGarbage(fx, rnd, g);
                fx.allocator.flush();
                long msBytes = 0;
                for (Map.Entry<Long, Long> e : fx.h.walk().entrySet()) {
                    msBytes += fx.ms.sizeClassOf(e.getValue()) >= 0 ? g.nodes.get(e.getKey()).bytes() : 0;
                }
                assertEquals(msBytes, fx.ms.objectBytes(),
                        "between collections: the objects kept plus those allocated since, less those freed");
                collect.accept(fx);
                fx.allocator.reset();
                check(fx, g);
            }
        }
    }

    // ---- (1) random graphs against the model ------------------------------------------------------

    @Test
    void randomGraphsKeepExactlyTheReachableObjectsAndTheirBytes() {
        qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> rounds(seed, false, fx -> fx.h.collect()));
    }

    // ---- (2) reuse and giving back ----------------------------------------------------------------

    @Test
    void freedCellsAreReusedAndEmptyBlocksGoBack() {
        try (Fixture fx = new Fixture(1 << 20, false)) {
            SpacesHeap h = fx.h;
            int perBlock = SizeClasses.cellsPerBlock(SizeClasses.classOf(40));
            int n = 2000;
            long[] objects = new long[n];
            for (int i = 0; i < n; i++) {
                objects[i] = h.format(fx.allocator.allocate(40), ObjectKind.SHAPED, fx.pair.id(), 3);
            }
            long blocks = (n + perBlock - 1) / perBlock;
            assertEquals(blocks * MarkSweepSpace.BLOCK_BYTES, fx.ms.committedBytes());
            long keeper = h.format(fx.los.allocate(h.objects.objectBytes(n / 2)), ObjectKind.REF_ARRAY, 0, n / 2);
            Set<Long> dead = new HashSet<>();
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0) {
                    h.writeRef(keeper, i / 2, objects[i]);
                } else {
                    dead.add(objects[i]);
                }
            }
            h.setRoot(0, keeper);
            h.collect();
            fx.allocator.reset();
            assertEquals(n / 2 + 1, h.walk().size(), "the kept half and the array");
            assertEquals(n / 2 * 40L, fx.ms.objectBytes());
            assertEquals(blocks * MarkSweepSpace.BLOCK_BYTES, fx.ms.committedBytes(), "every block holds survivors");
            assertEquals((blocks * perBlock - n / 2) * 40L, fx.ms.freeBytes(), "dead and never-used cells are free");
            int freePages = h.pages.freePages();
            Set<Long> reused = new HashSet<>();
            for (int i = 0; i < n / 2; i++) {
                reused.add(h.format(fx.allocator.allocate(40), ObjectKind.SHAPED, fx.pair.id(), 3));
            }
            assertEquals(blocks * MarkSweepSpace.BLOCK_BYTES, fx.ms.committedBytes(), "no block was added");
            assertEquals(freePages, h.pages.freePages());
            assertTrue(dead.containsAll(reused), "the new objects took the dead objects' cells");
            h.walk();
            h.setRoot(0, 0);
            h.collect();
            assertEquals(0, fx.ms.committedBytes(), "empty blocks went back");
            assertEquals(0, fx.ms.objectBytes());
            assertEquals(0, h.pages.usedPages());
            assertEquals(0, h.walk().size());
        }
    }

    @Test
    void aStaleAllocatorNeverAllocatesInABlockTheSweepGaveBack() {
        try (Fixture fx = new Fixture(1 << 20, false)) {
            SpacesHeap h = fx.h;
            h.format(fx.allocator.allocate(40), ObjectKind.SHAPED, fx.pair.id(), 3);   // garbage
            h.collect();   // the allocator's block goes back; no reset called
            assertEquals(0, fx.ms.committedBytes());
            long a = fx.allocator.allocate(40);
            assertEquals(MS, h.pages.ownerOf(a), "the allocator took a block anew instead of its old list");
            h.format(a, ObjectKind.SHAPED, fx.pair.id(), 3);
            assertEquals(1, h.walk().size());
        }
    }

    @Test
    void aMutatorAllocatorRefusesToAllocateWhileItsSpaceIsCollected() {
        try (Fixture fx = new Fixture(1 << 20, false)) {
            fx.allocator.allocate(40);
            fx.h.collect(() -> assertThrows(IllegalStateException.class, () -> fx.allocator.allocate(40)));
        }
    }

    @Test
    void aClosedAllocatorGivesItsCellsBack() {
        try (Fixture fx = new Fixture(1 << 20, false)) {
            long a = fx.h.format(fx.allocator.allocate(40), ObjectKind.SHAPED, fx.pair.id(), 3);
            assertEquals(0, fx.ms.freeBytes(), "the allocator holds the block's list");
            fx.allocator.close();
            assertEquals(MarkSweepSpace.BLOCK_BYTES - 40 - blockTail(40), fx.ms.freeBytes());
            assertEquals(40, fx.ms.objectBytes());
            long b = fx.ms.allocate(40);
            assertEquals(a + 40, b, "the next free cell, from the block's own list");
        }
    }

    private static long blockTail(long cell) {
        return MarkSweepSpace.BLOCK_BYTES % cell;
    }

    // ---- (3) size classes -------------------------------------------------------------------------

    @Test
    void everySizeMapsToTheSmallestClassThatHoldsItWithBoundedWaste() {
        long previousCell = 0;
        for (int c = 0; c < SizeClasses.COUNT; c++) {
            long cell = SizeClasses.cellBytes(c);
            assertTrue(cell > previousCell && cell % 8 == 0 && cell >= HeaderLayout.MIN_CHUNK_BYTES, "class " + c);
            if (cell > SizeClasses.EXACT_UP_TO) {
                long step = ((long) Math.ceil(previousCell * SizeClasses.MAX_STEP) + 7) & ~7L;
                assertTrue(cell <= step, "class " + c + ": at most 1.25 times the one below, rounded up to 8");
            }
            long tail = SizeClasses.BLOCK_BYTES - SizeClasses.cellsPerBlock(c) * cell;
            assertTrue(tail >= 0 && tail < cell && tail <= 368, "class " + c + " tail " + tail);
            previousCell = cell;
        }
        assertEquals(SizeClasses.MAX_CELL_BYTES, previousCell);
        double worstBlockUse = 1;
        for (long bytes = 8; bytes <= SizeClasses.MAX_CELL_BYTES; bytes += 8) {
            int c = SizeClasses.classOf(bytes);
            long cell = SizeClasses.cellBytes(c);
            assertTrue(cell >= bytes, bytes + " bytes fit their class");
            assertTrue(c == 0 || SizeClasses.cellBytes(c - 1) < bytes, bytes + " bytes: the smallest class that fits");
            if (bytes <= SizeClasses.EXACT_UP_TO) {
                assertEquals(Math.max(bytes, 16), cell, "exact classes up to 128 bytes");
            } else {
                assertTrue(cell - bytes < 0.2 * cell, bytes + " bytes waste under 20% of a " + cell + "-byte cell");
            }
            if (bytes >= 16) {
                worstBlockUse = Math.min(worstBlockUse,
                        (double) SizeClasses.cellsPerBlock(c) * bytes / SizeClasses.BLOCK_BYTES);
            }
        }
        assertTrue(worstBlockUse >= 0.80, "a block of the worst size is at least 80% objects: " + worstBlockUse);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SizeClasses.classOf(8200));
        assertTrue(e.getMessage().contains("8200"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SizeClasses.classOf(12));
        assertThrows(IllegalArgumentException.class, () -> SizeClasses.classOf(0));
    }

    @Test
    void objectsSmallerThanTheirCellLeaveAParsableTail() {
        try (Fixture fx = new Fixture(1 << 20, false)) {
            SpacesHeap h = fx.h;
            long bytes = h.objects.objectBytes(20);   // 176 bytes in a 208-byte cell
            long cell = SizeClasses.cellBytes(SizeClasses.classOf(bytes));
            assertTrue(cell > bytes);
            long a = fx.allocator.allocate(bytes);
            h.walk();   // before the header is written, the cell parses as one free cell
            h.format(a, ObjectKind.REF_ARRAY, 0, 20);
            assertEquals(ObjectKind.FREE, h.objects.kind(a + bytes));
            assertEquals(cell - bytes, h.objects.cellBytes(a + bytes));
            long b = fx.allocator.allocate(bytes);
            assertEquals(a + cell, b, "the next object starts at the next cell");
            h.format(b, ObjectKind.REF_ARRAY, 0, 20);
            assertEquals(2, h.walk().size());
        }
    }

    @Test
    void headerOnlyObjectsTakeSixteenByteCellsWithAFiller() {
        try (Arena arena = Arena.ofConfined()) {
            ObjectModel objects = new ObjectModel(arena.allocate(1 << 20, 4096), new ShapeTable(), false, true);
            PageResource pages = new PageResource(objects);
            MarkSweepSpace space = new MarkSweepSpace(MS, "ms", pages);
            long a = space.allocate(8);
            objects.initialize(a, ObjectKind.RAW_ARRAY, 0, 0, 0);
            assertEquals(ObjectKind.FILLER, objects.kind(a + 8));
            long b = space.allocate(8);
            assertEquals(a + 16, b);
            objects.initialize(b, ObjectKind.RAW_ARRAY, 0, 0, 0);
            assertEquals(16, space.objectBytes());
            int cells = 0;
            for (long p = objects.base(); p < objects.limit(); p += objects.cellBytes(p)) {
                cells++;
            }
            assertTrue(cells > 4, "the heap parses");
        }
    }

    // ---- (4) a copy target during its own collection ----------------------------------------------

    /**
     * A nursery promotes into the space during a full collection, and its objects are traced before
     * any of the space's own: every cell of the space then looks free by the marks. The space holds a
     * full block of survivors and a block with free cells left by the last sweep; copies must go to
     * those free cells or to fresh blocks, be marked, and survive, and every survivor must be intact.
     */
    @Test
    void copiesDuringItsOwnCollectionAreMarkedAndNeverLandOnUntracedSurvivors() {
        try (Fixture fx = new Fixture(1 << 20, true)) {
            SpacesHeap h = fx.h;
            int perBlock = SizeClasses.cellsPerBlock(SizeClasses.classOf(40));
            // the space: block 1 all survivors; block 2 every other object survives the first collection
            int total = perBlock + 400;
            long[] old = new long[total];
            for (int i = 0; i < total; i++) {
                old[i] = h.format(fx.allocator.allocate(40), ObjectKind.SHAPED, fx.pair.id(), 3);
                h.objects.setField(old[i], 2, 1000 + i);
            }
            long previous = 0;
            int kept = 0;
            for (int i = total - 1; i >= 0; i--) {
                if (i < perBlock || i % 2 == 0) {
                    h.writeRef(old[i], 0, previous);   // a chain through the survivors, from the lowest
                    previous = old[i];
                    kept++;
                }
            }
            h.setRoot(0, previous);
            h.collect();
            fx.allocator.reset();
            Set<Long> freeBefore = freeCells(fx);
            Set<Long> ownedBefore = new HashSet<>();
            for (long o : old) {
                ownedBefore.add(o & -MarkSweepSpace.BLOCK_BYTES);
            }
            assertEquals(2 * perBlock - kept, freeBefore.size(), "block 2's dead and never-used cells are free");
            // the nursery: more young objects than free cells, reachable from an array
            int young = freeBefore.size() + 200;
            long array = h.format(fx.young(h.objects.objectBytes(young)), ObjectKind.REF_ARRAY, 0, young);
            Set<Long> youngIds = new HashSet<>();
            for (int i = 0; i < young; i++) {
                long y = h.format(fx.young(40), ObjectKind.SHAPED, fx.pair.id(), 3);
                h.objects.setField(y, 2, -i);
                h.writeRef(array, i, y);
                youngIds.add(h.objects.objectId(y));
            }
            h.retire(fx.buffer);
            h.setRoot(1, array);
            long before = fx.ms.committedBytes();

            // a full collection, the young objects traced (and copied) before any object of the space
            fx.nursery.prepare();
            fx.ms.prepare();
            fx.los.prepare();
            h.tracer.reset();
            h.tracer.visitSlot(h.roots, 8);
            h.tracer.drain();
            long arrayCopy = h.root(1);
            assertEquals(MS, h.pages.ownerOf(arrayCopy), "the array was promoted");
            int intoFreeCells = 0;
            for (int i = 0; i < young; i++) {
                long copy = h.readRef(arrayCopy, i);
                assertEquals(MS, h.pages.ownerOf(copy));
                assertTrue(fx.ms.isLive(copy), "a copy made during the collection is marked");
                assertTrue(freeBefore.contains(copy) || !ownedBefore.contains(copy & -MarkSweepSpace.BLOCK_BYTES),
                        String.format("copy %d at 0x%x: in a cell free before the collection, or a fresh block", i,
                                copy));
                intoFreeCells += freeBefore.contains(copy) ? 1 : 0;
            }
            assertEquals(freeBefore.size(), intoFreeCells, "the cells free before the collection were used first");
            h.tracer.visitSlot(h.roots, 0);
            h.tracer.drain();
            fx.nursery.release();
            fx.ms.release();
            fx.los.release();

            Map<Long, Long> survivors = h.walk();
            assertEquals(kept + young + 1, survivors.size(), "the old survivors, the young objects and their array");
            long cursor = h.root(0);
            for (int i = 0; i < total; i++) {
                if (i < perBlock || i % 2 == 0) {
                    assertEquals(old[i], cursor, "old survivor " + i + " stays");
                    assertEquals(1000 + i, h.objects.field(cursor, 2), "old survivor " + i + " is intact");
                    cursor = h.readRef(cursor, 0);
                }
            }
            for (int i = 0; i < young; i++) {
                long copy = h.readRef(h.root(1), i);
                assertEquals(-i, h.objects.field(copy, 2), "young object " + i + " survives intact");
                assertTrue(youngIds.contains(h.objects.objectId(copy)));
            }
            assertEquals((kept + young) * 40L + h.objects.objectBytes(young), fx.ms.objectBytes());
            assertTrue(fx.ms.committedBytes() > before, "copies beyond the free cells went to fresh blocks");
            assertEquals(0, fx.nursery.committedBytes());
        }
    }

    /** The free cells of the mark-sweep space's blocks, found in the heap. */
    private static Set<Long> freeCells(Fixture fx) {
        Set<Long> free = new HashSet<>();
        for (long b = fx.h.objects.base(); b < fx.h.objects.limit(); b += MarkSweepSpace.BLOCK_BYTES) {
            int c = fx.ms.sizeClassOf(b);
            for (int i = 0; c >= 0 && i < SizeClasses.cellsPerBlock(c); i++) {
                long a = b + i * SizeClasses.cellBytes(c);
                if (fx.h.objects.kind(a) == ObjectKind.FREE) {
                    free.add(a);
                }
            }
        }
        return free;
    }

    @Test
    void randomGraphsPromotedDuringFullCollectionsKeepExactlyTheReachableObjects() {
        qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> rounds(seed, true, fx -> fx.h.collect()));
    }

    @Test
    void promotionWhileTheSpaceIsNotCollectedCountsTheCopyWithoutMarkingIt() {
        try (Fixture fx = new Fixture(1 << 20, true)) {
            SpacesHeap h = fx.h;
            long y = h.format(fx.young(40), ObjectKind.SHAPED, fx.pair.id(), 3);
            h.retire(fx.buffer);
            h.setRoot(0, y);
            h.tracer.collect(fx.ms, false);   // a minor collection: the nursery alone
            h.tracer.collect(fx.los, false);
            fx.nursery.prepare();
            h.tracer.reset();
            h.tracer.visitSlot(h.roots, 0);
            h.tracer.drain();
            fx.nursery.release();
            long copy = h.root(0);
            assertEquals(MS, h.pages.ownerOf(copy));
            assertFalse(fx.ms.isLive(copy), "not marked: the space is not being collected");
            assertEquals(40, fx.ms.objectBytes(), "counted as allocated since the last collection");
            h.tracer.collect(fx.ms, true);
            h.tracer.collect(fx.los, true);
            h.collect();
            assertEquals(copy, h.root(0));
            assertEquals(40, fx.ms.objectBytes());
            assertEquals(1, h.walk().size());
        }
    }

    // ---- (5) parallel marking -----------------------------------------------------------------------

    /**
     * The heap lives in shared memory so that the second worker can read it; a worker that fails
     * leaves the trace waiting for it forever (see WorkPackets.awaitWork), hence the time limit. Both
     * threads must have traced objects of the space in some collection, or the test proves nothing.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoTracersMarkExactlyTheReachableObjects() {
        Set<Thread> tracingThreads = ConcurrentHashMap.newKeySet();
        qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
            ParallelTrace[] trace = new ParallelTrace[1];
            try {
                rounds(seed, false, tracingThreads, fx -> {
                    if (trace[0] == null) {
                        trace[0] = new ParallelTrace(fx.h.objects, fx.h.tags, fx.h.pages, 2, "test-gc");
                        fx.ms.atomicMarking(true);
                    }
                    fx.h.collectInParallel(trace[0]);
                });
            } finally {
                if (trace[0] != null) {
                    trace[0].close();
                }
            }
        });
        assertTrue(tracingThreads.size() >= 2, "two threads traced objects of the space: " + tracingThreads);
    }

    // ---- misuse ---------------------------------------------------------------------------------------

    @Test
    void aDoubleFreeNamesTheAddress() {
        try (Fixture fx = new Fixture(1 << 20, false)) {
            long a = fx.h.format(fx.ms.allocate(40), ObjectKind.SHAPED, fx.pair.id(), 3);
            fx.ms.free(a);
            assertEquals(0, fx.ms.objectBytes());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fx.ms.free(a));
            assertTrue(e.getMessage().contains("double free") && e.getMessage().contains(Long.toHexString(a)),
                    e.getMessage());
        }
    }

    @Test
    void freeingAnAddressOutsideTheSpacesCellsNamesIt() {
        try (Fixture fx = new Fixture(1 << 20, false)) {
            SpacesHeap h = fx.h;
            long a = h.format(fx.ms.allocate(40), ObjectKind.SHAPED, fx.pair.id(), 3);
            long large = h.format(fx.los.allocate(16384), ObjectKind.RAW_ARRAY, 0, 2046);
            long[] bad = {a + 8, large, h.objects.limit() - 4096, h.objects.limit() + 64, a + 3};
            for (long address : bad) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fx.ms.free(address));
                assertTrue(e.getMessage().contains(Long.toHexString(address)), e.getMessage());
            }
            assertEquals(2, h.walk().size(), "nothing was freed");
        }
    }

    @Test
    void aSizeAboveTheLargestClassIsNamed() {
        try (Fixture fx = new Fixture(1 << 20, false)) {
            for (var attempt : List.<Runnable>of(() -> fx.ms.allocate(8200), () -> fx.allocator.allocate(8200),
                    () -> fx.ms.allocateCopy(8200))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, attempt::run);
                assertTrue(e.getMessage().contains("8200"), e.getMessage());
            }
        }
    }

    @Test
    void tracingAnAddressInsideACellFailsInDebugMode() {
        try (Fixture fx = new Fixture(1 << 20, false)) {
            long a = fx.h.format(fx.ms.allocate(40), ObjectKind.SHAPED, fx.pair.id(), 3);
            fx.ms.prepare();
            HeapCorruptionException e = assertThrows(HeapCorruptionException.class,
                    () -> fx.ms.traceObject(a + 40 + 16, object -> { }));
            assertTrue(e.getMessage().contains(Long.toHexString(a + 56)), e.getMessage());
            HeapCorruptionException free = assertThrows(HeapCorruptionException.class,
                    () -> fx.ms.traceObject(a + 40, object -> { }));
            assertTrue(free.getMessage().contains("free cell"), free.getMessage());
            assertNotEquals(0, fx.ms.traceObject(a, object -> { }));
            fx.ms.release();
        }
    }

    @Test
    void aCellWrittenAfterItWasFreedIsCaughtWhenItIsPopped() {
        try (Fixture fx = new Fixture(1 << 20, false)) {
            long a = fx.h.format(fx.allocator.allocate(40), ObjectKind.SHAPED, fx.pair.id(), 3);
            fx.h.objects.setStatus(a + 40, HeaderLayout.statusWord(ObjectKind.RAW_ARRAY, 0, 3));   // a stray write
            HeapCorruptionException e = assertThrows(HeapCorruptionException.class, () -> fx.allocator.allocate(40));
            assertTrue(e.getMessage().contains(Long.toHexString(a + 40)), e.getMessage());
        }
    }
}
