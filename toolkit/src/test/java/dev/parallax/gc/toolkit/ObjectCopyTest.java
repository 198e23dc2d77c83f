package dev.parallax.gc.toolkit;

import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ObjectModel.copyObject, which the moving spaces and mark-compact use: exact, overlapping downwards, bounds-checked. */
class ObjectCopyTest {
    private static final int WORDS = 4096;

    @Test
    void copiesSmallAndLargeObjectsExactlyAndNothingElse() {
        for (long bytes : new long[] {8, 40, 256, 264, 8192}) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment heap = arena.allocate(WORDS * 8L, 4096);
                ObjectModel objects = new ObjectModel(heap, new ShapeTable(), false, false);
                fill(heap);
                long from = objects.base() + 64;
                long to = objects.base() + 16384;
                objects.copyObject(from, to, bytes);
                for (long o = 0; o < WORDS * 8L; o += 8) {
                    long expected = o >= 16384 && o < 16384 + bytes ? 64 + (o - 16384) : o;
                    assertEquals(expected, heap.get(ValueLayout.JAVA_LONG, o), bytes + " bytes, word at " + o);
                }
            }
        }
    }

    @Test
    void slidesAnObjectDownOverItself() {
        for (long bytes : new long[] {48, 1024}) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment heap = arena.allocate(WORDS * 8L, 4096);
                ObjectModel objects = new ObjectModel(heap, new ShapeTable(), false, false);
                fill(heap);
                objects.copyObject(objects.base() + 1024 + 16, objects.base() + 1024, bytes);
                for (long o = 0; o < bytes; o += 8) {
                    assertEquals(1024 + 16 + o, heap.get(ValueLayout.JAVA_LONG, 1024 + o), bytes + " bytes, word " + o / 8);
                }
            }
        }
    }

    @Test
    void aCopyOutsideTheHeapThrows() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment heap = arena.allocate(WORDS * 8L, 4096);
            ObjectModel objects = new ObjectModel(heap, new ShapeTable(), false, false);
            long last = objects.base() + WORDS * 8L - 16;
            assertThrows(IndexOutOfBoundsException.class, () -> objects.copyObject(objects.base(), last, 40));
            assertThrows(IndexOutOfBoundsException.class, () -> objects.copyObject(objects.base(), last, 4096));
        }
    }

    /** Every word holds its own offset. */
    private static void fill(MemorySegment heap) {
        for (long o = 0; o < heap.byteSize(); o += 8) {
            heap.set(ValueLayout.JAVA_LONG, o, o);
        }
    }
}
