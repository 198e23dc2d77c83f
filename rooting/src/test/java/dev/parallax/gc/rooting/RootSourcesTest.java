package dev.parallax.gc.rooting;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.api.roots.GlobalRootsView;
import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.api.stack.FrameShapeTable;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.rooting.conservative.ConservativeStackRoots;
import dev.parallax.gc.rooting.globals.GlobalTableRoots;
import dev.parallax.gc.rooting.precise.PreciseStackRoots;
import dev.parallax.gc.tagging.highbit.HighBitTags;
import dev.parallax.gc.tagging.lowbit.LowBitTags;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Precise and global root sources report exactly the declared slots, once each, nothing above the top. */
class RootSourcesTest {
    private final Arena arena = Arena.ofAuto();

    record Stack(MemorySegment words, long topWord, FrameShapeTable frames) implements MutatorStackView {
        public String mutatorName() {
            return "m";
        }

        public FrameShape frameShape(long headerWord) {
            return frames.byId(frameShapeId(headerWord));
        }
    }

    record Globals(MemorySegment cells, int capacity, long[] map) implements GlobalRootsView {
        public long registeredMap(int i) {
            return map[i];
        }
    }

    /** A fake heap in which every 64-byte block is one object. */
    record Context(List<Stack> stacks, Globals globals, TagScheme tags, ObjectModel objects) implements RootScanContext {
        Context(List<Stack> stacks, Globals globals) {
            this(stacks, globals, null, null);
        }

        public long objectContaining(long address) {
            return objects.inHeap(address) ? address & ~63L : 0;
        }
    }

    static final class Recorder implements RootVisitor {
        final List<Long> slots = new ArrayList<>();
        final List<Long> pinned = new ArrayList<>();

        public void visitSlot(MemorySegment region, long offset) {
            slots.add(offset / 8);
        }

        public void visitPinningRoot(long object) {
            pinned.add(object);
        }
    }

    @Test
    void conservativePinsEveryWordThatResolvesToAnObject_interiorPointersIncluded() {
        TagScheme t = new LowBitTags();
        long base = arena.allocate(1).address(); // any address outside the fake heap
        List<Long> pinned = conservativeScanAt(t, false, heapBase -> new long[]{
                t.tagPointer(heapBase + 128), heapBase + 200 /* interior, aligned */, t.tagSmallInt(7),
                base, 0, heapBase + 4096 /* one past the end */});
        assertEquals(List.of(128L, 192L), pinned);
    }

    @Test
    void naiveDecodingMissesHighBitTaggedPointersThatTagAwareDecodingFinds() {
        TagScheme t = new HighBitTags();
        assertEquals(List.of(64L), conservativeScanAt(t, false, b -> new long[]{t.tagPointer(b + 64)}));
        assertEquals(List.of(), conservativeScanAt(t, true, b -> new long[]{t.tagPointer(b + 64)}));
    }

    @Test
    void naiveDecodingTakesMisalignedIntegersForInteriorPointers() {
        TagScheme t = new LowBitTags();
        // a raw word that happens to be heap address + 9: the tag scheme says "small int", naive says "pointer"
        assertEquals(List.of(), conservativeScanAt(t, false, b -> new long[]{b + 9}));
        assertEquals(List.of(0L), conservativeScanAt(t, true, b -> new long[]{b + 9}));
    }

    private List<Long> conservativeScanAt(TagScheme tags, boolean naive, java.util.function.LongFunction<long[]> words) {
        MemorySegment heap = arena.allocate(4096, 4096);
        ObjectModel objects = new ObjectModel(heap, new ShapeTable(), false, false);
        long[] ws = words.apply(heap.address());
        MemorySegment stackWords = arena.allocate(8L * ws.length, 8);
        for (int i = 0; i < ws.length; i++) {
            stackWords.setAtIndex(ValueLayout.JAVA_LONG, i, ws[i]);
        }
        Recorder r = new Recorder();
        new ConservativeStackRoots(naive).scanRoots(new Context(List.of(new Stack(stackWords, ws.length, new FrameShapeTable())),
                new Globals(arena.allocate(8), 1, new long[1]), tags, objects), r);
        assertTrue(r.slots.isEmpty(), "conservative roots report no updatable slots");
        return r.pinned.stream().map(a -> a - heap.address()).toList();
    }

    @Test
    void preciseReportsExactlyTheReferenceSlotsOfEachFrameBelowTheTop() {
        FrameShapeTable frames = new FrameShapeTable();
        FrameShape small = frames.define("small", 3, 0, 2);
        FrameShape wide = frames.define("wide", 70, 1, 63, 64, 69);
        FrameShape none = frames.defineUnzeroed("none", 2);
        MemorySegment words = arena.allocate(8 * 192, 8);
        long top = 0;
        for (FrameShape f : List.of(small, wide, none, small)) {
            words.setAtIndex(ValueLayout.JAVA_LONG, top, f.id()); // the previous-frame link is not read
            top += 1 + f.slots();
        }
        words.setAtIndex(ValueLayout.JAVA_LONG, top, small.id()); // a frame header above the top: dead
        Stack stack = new Stack(words, top, frames);
        Recorder r = new Recorder();
        new PreciseStackRoots().scanRoots(new Context(List.of(stack), new Globals(arena.allocate(8), 1, new long[1])), r);
        // small at 0 (slots 1..3), wide at 4 (slots 5..74), none at 75 (76, 77), small at 78 (79..81)
        assertEquals(List.of(1L, 3L, 6L, 68L, 69L, 74L, 79L, 81L), r.slots);
        assertFalse(new PreciseStackRoots().reportsPinningRoots());
    }

    @Test
    void preciseRefusesAFrameHeaderNamingNoShape() {
        MemorySegment words = arena.allocate(8 * 4, 8);
        words.setAtIndex(ValueLayout.JAVA_LONG, 0, 99);
        Stack stack = new Stack(words, 4, new FrameShapeTable());
        HeapCorruptionException e = assertThrows(HeapCorruptionException.class, () -> new PreciseStackRoots()
                .scanRoots(new Context(List.of(stack), new Globals(arena.allocate(8), 1, new long[1])), new Recorder()));
        assertTrue(e.getMessage().contains("frame shape id 99"), e.getMessage());
    }

    @Test
    void globalsReportsEveryRegisteredCell() {
        long[] map = {1L | 1L << 63, 1L << 2};
        Globals g = new Globals(arena.allocate(8 * 128, 8), 128, map);
        Recorder r = new Recorder();
        new GlobalTableRoots().scanRoots(new Context(List.of(), g), r);
        assertEquals(List.of(0L, 63L, 66L), r.slots);
    }

    @Test
    void theSourcesAreNamedAsConfigsSelectThemAndOnlyConservativePins() {
        assertEquals("precise", new PreciseStackRoots().name());
        assertEquals("globals", new GlobalTableRoots().name());
        assertEquals("conservative", new ConservativeStackRoots(false).name());
        assertTrue(new ConservativeStackRoots(false).reportsPinningRoots());
        assertFalse(new GlobalTableRoots().reportsPinningRoots());
    }

    @Test
    void conservativeDecodingIsReadFromTheConfig() {
        GcConfig config = GcConfig.defaults();
        assertFalse(new ConservativeStackRoots(config).naive());
        assertFalse(new ConservativeStackRoots(config.withOptions(Map.of(ConservativeStackRoots.DECODE_OPTION, "tags")))
                .naive());
        assertTrue(new ConservativeStackRoots(config.withOptions(Map.of(ConservativeStackRoots.DECODE_OPTION, "naive")))
                .naive());
        GcConfigException e = assertThrows(GcConfigException.class, () -> new ConservativeStackRoots(
                config.withOptions(Map.of(ConservativeStackRoots.DECODE_OPTION, "raw"))));
        assertTrue(e.getMessage().contains("'raw' is not a decoding"), e.getMessage());
    }

    @Test
    void aWordNamingTheHeapsFirstObjectIsARootToo() {
        TagScheme t = new LowBitTags();
        assertEquals(List.of(0L), conservativeScanAt(t, false, b -> new long[]{t.tagPointer(b)}));
    }
}
