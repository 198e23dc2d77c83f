package dev.parallax.gc.collectors.trace;

import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.tagging.lowbit.LowBitTags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Header mark bits, the mark stack, and the marker's counts, on a release-mode heap. */
class MarkStructuresTest {
    private final Arena arena = Arena.ofConfined();
    private final ObjectModel objects = new ObjectModel(arena.allocate(64 << 10, 4096), new ShapeTable(), false, false);

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void headerMarkBitsSetAndReadTheHeadersBit() {
        HeaderMarkBits marks = new HeaderMarkBits(objects);
        long a = objects.base();
        objects.initialize(a, ObjectKind.BOXED_LONG, 0, 1, 0);
        assertFalse(marks.isMarked(a));
        assertTrue(marks.testAndMark(a));
        assertTrue(marks.isMarked(a) && objects.isMarked(a));
        assertFalse(marks.testAndMark(a), "the second mark is not the first");
        marks.clearAll();
        assertTrue(marks.isMarked(a), "header bits are cleared by the sweep, not by clearAll");
    }

    @Test
    void theMarkStackGrowsPastItsFirstCapacityAndPopsInReverse() {
        MarkStack stack = new MarkStack();
        for (long i = 0; i < 10_000; i++) {
            stack.push(i);
        }
        assertEquals(10_000, stack.size());
        assertEquals(9_999, stack.pop());
        stack.reset();
        assertTrue(stack.isEmpty());
        assertEquals(0, stack.size());
    }

    @Test
    void aBitmapWordCoversSixtyFourGranules() {
        assertEquals(512, MarkBitmap.BYTES_PER_WORD);
    }

    @Test
    void theMarkerCountsTheObjectsAndBytesItScanned() {
        LowBitTags tags = new LowBitTags();
        MarkBitmap bits = new MarkBitmap(objects);
        Marker marker = new Marker(objects, tags, bits);
        long array = objects.base();
        long box = array + objects.objectBytes(1);
        objects.initialize(array, ObjectKind.REF_ARRAY, 0, 1, 0);
        objects.initialize(box, ObjectKind.BOXED_LONG, 0, 1, 0);
        objects.setField(array, 0, tags.tagPointer(box));
        assertSame(bits, marker.marks());
        marker.reset();
        marker.shade(array);
        assertFalse(marker.drain(1), "one object scanned; its box is grey");
        marker.drain();
        assertEquals(2, marker.markedObjects());
        assertEquals(objects.objectBytes(1) * 2, marker.markedBytes());
        assertTrue(bits.isMarked(box));
        marker.reset();
        assertEquals(0, marker.markedObjects());
        assertEquals(0, marker.markedBytes());
    }

    /** A shape's reference map spans several words: a reference field past the 64th is traced. */
    @Test
    void aReferenceFieldPastTheSixtyFourthIsTraced() {
        LowBitTags tags = new LowBitTags();
        MarkBitmap bits = new MarkBitmap(objects);
        Marker marker = new Marker(objects, tags, bits);
        int wide = objects.shapes().define("Wide", 70, 65).id();
        long object = objects.base();
        long box = object + objects.objectBytes(70);
        objects.initialize(object, ObjectKind.SHAPED, wide, 70, 0);
        objects.initialize(box, ObjectKind.BOXED_LONG, 0, 1, 0);
        objects.setField(object, 65, tags.tagPointer(box));
        objects.setField(object, 1, tags.tagSmallInt(1));
        marker.shade(object);
        marker.drain();
        assertTrue(bits.isMarked(box), "field 65, in the map's second word");
        assertEquals(2, marker.markedObjects());
    }

    /**
     * An object naming a shape the table does not define fails, naming the id (release mode too):
     * far beyond the table, or the very next id, one past the table's end.
     */
    @Test
    void anObjectOfAnUndefinedShapeFailsNamingTheShapeId() {
        objects.shapes().define("Known", 1);
        int next = objects.shapes().snapshot().length;
        for (int id : new int[]{999, next}) {
            Marker marker = new Marker(objects, new LowBitTags(), new MarkBitmap(objects));
            long object = objects.base();
            objects.initialize(object, ObjectKind.SHAPED, id, 1, 0);
            marker.shade(object);
            dev.parallax.gc.api.object.HeapCorruptionException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.parallax.gc.api.object.HeapCorruptionException.class, marker::drain);
            assertTrue(e.getMessage().contains("names shape id " + id + ", which is not defined"), e.getMessage());
        }
    }
}
