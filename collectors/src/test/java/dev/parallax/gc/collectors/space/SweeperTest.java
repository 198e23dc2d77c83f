package dev.parallax.gc.collectors.space;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header-mark sweeper in bounded steps: budgets in bytes, the free space asked for, the end. */
class SweeperTest {
    private static final long HEAP = 64 << 10;
    private final Arena arena = Arena.ofConfined();
    private final ObjectModel objects = new ObjectModel(arena.allocate(HEAP, 4096), new ShapeTable(), false, false);
    private final FreeList free = new FreeList(objects);
    private final Sweeper sweeper = new Sweeper(objects, free);

    @AfterEach
    void close() {
        arena.close();
    }

    /** Ten dead 64-byte objects, then a marked live one, then one free chunk to the end. */
    private long layOut() {
        long base = objects.base();
        for (int i = 0; i < 10; i++) {
            objects.initialize(base + 64L * i, ObjectKind.RAW_ARRAY, 0, 7, 0);
        }
        long live = base + 640;
        objects.initialize(live, ObjectKind.RAW_ARRAY, 0, 7, 0);
        objects.setBits(live, HeaderLayout.MARK_BIT);
        objects.formatFree(live + 64, objects.limit() - live - 64, 0);
        return live;
    }

    @Test
    void aBoundedSweepStopsAfterItsBudgetAndTheNextOneGoesOn() {
        long live = layOut();
        assertTrue(sweeper.done(), "nothing to sweep before a start");
        sweeper.start();
        assertFalse(sweeper.done());
        assertFalse(sweeper.sweep(64, 0, false), "64 bytes: one dead object");
        assertEquals(0, free.freeBytes(), "the dead run is still open");
        assertFalse(sweeper.sweep(640 - 64, 0, false), "up to the live object");
        assertEquals(0, free.freeBytes());
        assertFalse(sweeper.sweep(64, 0, false), "the live object closes the run");
        assertEquals(640, free.freeBytes());
        assertFalse(objects.isMarked(live), "its mark is cleared");
        assertTrue(sweeper.sweep(HEAP - 704, 0, false), "exactly the rest of the heap");
        assertTrue(sweeper.done());
        assertEquals(HEAP - 64, free.freeBytes());
    }

    @Test
    void aSweepGoesOnPastItsBudgetUntilTheFreeSpaceAskedForIsThere() {
        layOut();
        sweeper.start();
        assertFalse(sweeper.sweep(8, 600, false));
        assertEquals(640, free.freeBytes(), "on to the live object that closed a 640-byte run");
        assertTrue(sweeper.sweep(8, HEAP, false), "on to the end, asking for more than there is");
        assertEquals(HEAP - 64, free.freeBytes());
    }
}
