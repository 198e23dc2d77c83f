package dev.parallax.gc.collectors.trace;

import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.collectors.space.BitmapSweeper;
import dev.parallax.gc.collectors.space.FreeList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Side mark bits and the sweep that walks them, against a sorted set of marked addresses. */
class MarkBitmapTest {
    private static final long HEAP = 256 << 10;
    private final Arena arena = Arena.ofConfined();
    private final ObjectModel objects = new ObjectModel(arena.allocate(HEAP, 4096), new ShapeTable(), false, false);
    private final MarkBitmap marks = new MarkBitmap(objects);

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void nextMarkedFindsEveryMarkInAddressOrderAcrossBitmapWords() {
        Random random = new Random(3);
        TreeSet<Long> expected = new TreeSet<>();
        for (int i = 0; i < 500; i++) {
            long a = objects.base() + 8L * random.nextInt((int) (HEAP / 8));
            assertEquals(expected.add(a), marks.testAndMark(a), "testAndMark says whether it was unmarked");
        }
        List<Long> found = new ArrayList<>();
        for (long a = marks.nextMarked(objects.base()); a < objects.limit(); a = marks.nextMarked(a + 8)) {
            found.add(a);
            assertTrue(marks.isMarked(a));
        }
        assertEquals(List.copyOf(expected), found);
        marks.clearAll();
        assertEquals(objects.limit(), marks.nextMarked(objects.base()));
    }

    @Test
    void anAddressOutsideTheHeapThrowsInsteadOfMarkingAnything() {
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> marks.testAndMark(objects.limit() + (1 << 20)));
    }

    @Test
    void theSweepMakesEveryGapBetweenMarkedObjectsFreeAndClearsTheMarks() {
        long base = objects.base();
        long[] live = {base + 64, base + 4096, base + 4096 + 40, base + 100_000};
        for (long a = base; a < objects.limit(); a += 40) {
            objects.initialize(a, ObjectKind.RAW_ARRAY, 0, 4, 0);     // every cell a dead 40-byte object...
        }
        for (long a : live) {
            objects.initialize(a, ObjectKind.RAW_ARRAY, 0, 4, 0);     // ...but the live ones, laid over them
            marks.testAndMark(a);
        }
        FreeList free = new FreeList(objects);
        new BitmapSweeper(objects, free, marks).sweep(false);
        assertEquals(HEAP - 4 * 40, free.freeBytes(), "exactly the live objects remain in use");
        assertFalse(marks.isMarked(live[0]), "the sweep clears the marks");
        List<Long> cells = new ArrayList<>();
        for (long a = base; a < objects.limit(); a += objects.cellBytes(a)) {
            if (objects.kind(a).isObject()) {
                cells.add(a);
            }
        }
        assertEquals(List.of(live[0], live[1], live[2], live[3]), cells, "the heap parses: the gaps are free cells");
    }
}
