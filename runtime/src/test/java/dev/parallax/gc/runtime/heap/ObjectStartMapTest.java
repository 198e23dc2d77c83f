package dev.parallax.gc.runtime.heap;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The object-start map against its oracle, the linear walk of {@link HeapWalk}. */
class ObjectStartMapTest {
    private static final ObjectKind[] OBJECT_KINDS = {ObjectKind.RAW_ARRAY, ObjectKind.REF_ARRAY,
            ObjectKind.BOXED_LONG, ObjectKind.BOXED_DOUBLE, ObjectKind.CLOSURE};

    private final Heap heap = TestRuntimes.heap(64 * 1024);
    private final ObjectModel objects = heap.objects();
    private final ObjectStartMap map = new ObjectStartMap(objects, false);

    @AfterEach
    void close() {
        heap.close();
    }

    @Test
    void agreesWithTheLinearWalkOnRandomHeapsAndAddresses() {
        qt().withExamples(300).forAll(longs().all(), integers().between(0, 3)).checkAssert((seed, corruption) -> {
            Random random = new Random(seed);
            List<Long> cells = layOut(random);
            if (corruption == 1) {                      // a header naming no kind
                objects.setStatus(cells.get(random.nextInt(cells.size())), 0xEL | (3L << 32));
            } else if (corruption == 2) {               // a cell running past the heap's end
                objects.setStatus(cells.get(random.nextInt(cells.size())),
                        HeaderLayout.statusWord(ObjectKind.RAW_ARRAY, 0, 1L << 20));
            }
            map.invalidate();                           // the map is reused: each layout is a rebuild
            for (long address : addresses(random, cells)) {
                assertEquals(HeapWalk.objectContaining(objects, address), map.objectContaining(address),
                        () -> String.format("seed %d, corruption %d, address 0x%x (heap [0x%x, 0x%x))", seed,
                                corruption, address, objects.base(), objects.limit()));
            }
        });
    }

    @Test
    void resolvesInteriorAddressesOfALargeObjectAndNothingInFreeSpace() {
        long base = objects.base();
        objects.initialize(base, ObjectKind.RAW_ARRAY, 0, 5000, 1);            // 40 KB: 78 map words
        long end = base + objects.objectBytes(5000);
        objects.formatFree(end, objects.limit() - end, 0);
        assertEquals(base, map.objectContaining(end - 8));
        assertEquals(base, map.objectContaining(base + 3));
        assertEquals(0, map.objectContaining(end));
        assertEquals(0, map.objectContaining(objects.limit() - 8));
        assertEquals(0, map.objectContaining(objects.limit()));
        assertEquals(0, map.objectContaining(base - 8));
        assertEquals(1, map.builds(), "built once, on the first lookup");
    }

    /** Cells of random kinds and sizes from the base, the rest one free chunk; returns their starts. */
    private List<Long> layOut(Random random) {
        List<Long> cells = new ArrayList<>();
        long cell = objects.base();
        long limit = objects.limit();
        while (true) {
            long words = random.nextInt(10) == 0 ? random.nextInt(3000) : random.nextInt(12);
            int pick = random.nextInt(10);
            long bytes = pick == 0 ? 8 : objects.objectBytes(words);
            if (bytes > limit - cell - 16) {
                break;
            }
            cells.add(cell);
            if (pick == 0) {
                objects.setStatus(cell, HeaderLayout.statusWord(ObjectKind.FILLER, 0, 0));
            } else if (pick <= 2) {
                objects.formatFree(cell, bytes, 0);
            } else {
                objects.initialize(cell, OBJECT_KINDS[random.nextInt(OBJECT_KINDS.length)], 0, words, cells.size());
            }
            cell += bytes;
        }
        cells.add(cell);
        objects.formatFree(cell, limit - cell, 0);
        return cells;
    }

    /** Cell starts and their neighbours, random (also unaligned) heap addresses, and addresses just outside. */
    private List<Long> addresses(Random random, List<Long> cells) {
        List<Long> out = new ArrayList<>();
        long size = objects.limit() - objects.base();
        for (int i = 0; i < 60; i++) {
            long cell = cells.get(random.nextInt(cells.size()));
            out.add(cell);
            out.add(cell - 8);
            out.add(cell + 8 + random.nextInt(8));
            out.add(objects.base() + (random.nextLong(size) & ~7L));
            out.add(objects.base() + random.nextLong(size));
        }
        out.add(objects.base() - 1);
        out.add(objects.limit());
        out.add(objects.limit() - 1);
        out.add(0L);
        out.add(-8L);
        return out;
    }
}
