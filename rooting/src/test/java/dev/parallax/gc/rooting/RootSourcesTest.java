package dev.parallax.gc.rooting;

import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.roots.GlobalRootsView;
import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.rooting.globals.GlobalTableRoots;
import dev.parallax.gc.rooting.precise.PreciseStackRoots;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Precise and global root sources report exactly the declared slots, once each, nothing above the top. */
class RootSourcesTest {
    private final Arena arena = Arena.ofAuto();

    record Stack(MemorySegment words, long topWord, long[] map) implements MutatorStackView {
        public String mutatorName() {
            return "m";
        }

        public long referenceMap(int i) {
            return map[i];
        }
    }

    record Globals(MemorySegment cells, int capacity, long[] map) implements GlobalRootsView {
        public long registeredMap(int i) {
            return map[i];
        }
    }

    record Context(List<Stack> stacks, Globals globals) implements RootScanContext {
        public TagScheme tags() {
            throw new UnsupportedOperationException();
        }

        public ObjectModel objects() {
            throw new UnsupportedOperationException();
        }

        public long objectContaining(long address) {
            return 0;
        }
    }

    static final class Recorder implements RootVisitor {
        final List<Long> slots = new ArrayList<>();

        public void visitSlot(MemorySegment region, long offset) {
            slots.add(offset / 8);
        }

        public void visitPinningRoot(long object) {
            throw new AssertionError("no pinning roots expected");
        }
    }

    @Test
    void preciseReportsExactlyTheMappedSlotsBelowTheTop() {
        long[] map = new long[3];
        long[] declared = {1, 5, 63, 64, 100, 130};
        for (long w : declared) {
            map[(int) (w >>> 6)] |= 1L << w;
        }
        map[2] |= 1L << (140 - 128); // above the top: dead
        Stack stack = new Stack(arena.allocate(8 * 192, 8), 131, map);
        Recorder r = new Recorder();
        new PreciseStackRoots().scanRoots(new Context(List.of(stack), new Globals(arena.allocate(8), 1, new long[1])), r);
        assertEquals(List.of(1L, 5L, 63L, 64L, 100L, 130L), r.slots);
        assertFalse(new PreciseStackRoots().reportsPinningRoots());
    }

    @Test
    void globalsReportsEveryRegisteredCell() {
        long[] map = {1L | 1L << 63, 1L << 2};
        Globals g = new Globals(arena.allocate(8 * 128, 8), 128, map);
        Recorder r = new Recorder();
        new GlobalTableRoots().scanRoots(new Context(List.of(), g), r);
        assertEquals(List.of(0L, 63L, 66L), r.slots);
    }
}
