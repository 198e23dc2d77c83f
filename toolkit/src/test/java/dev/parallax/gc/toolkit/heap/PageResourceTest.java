package dev.parallax.gc.toolkit.heap;

import dev.parallax.gc.toolkit.SpacesHeap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs of pages: owned, aligned, given back, and the heap parsable throughout. */
class PageResourceTest {
    @Test
    void runsAreOwnedAlignedAndTheHeapParsesAfterEveryAcquireAndRelease() {
        try (SpacesHeap h = new SpacesHeap(1 << 20, 1)) {
            PageResource pages = h.pages;
            Random random = new Random(5);
            List<long[]> held = new ArrayList<>();
            for (int step = 0; step < 400; step++) {
                if (random.nextInt(3) > 0 || held.isEmpty()) {
                    int count = 1 + random.nextInt(12);
                    int align = random.nextBoolean() ? 1 : 8;
                    byte space = (byte) (1 + random.nextInt(3));
                    boolean top = align == 1 && random.nextBoolean();
                    long start = top ? pages.acquireFromTop(count, space) : pages.acquire(count, align, space);
                    if (start != 0) {
                        assertEquals(0, (start - h.objects.base()) % (align * PageResource.PAGE_BYTES), "aligned");
                        for (int p = 0; p < count; p++) {
                            assertEquals(space, pages.ownerOf(start + p * PageResource.PAGE_BYTES));
                        }
                        held.add(new long[]{start, count});
                    }
                } else {
                    long[] run = held.remove(random.nextInt(held.size()));
                    pages.release(run[0], (int) run[1]);
                    assertEquals(PageResource.FREE, pages.ownerOf(run[0]));
                }
                h.walk();  // parses: every run and every free stretch is a cell
                assertEquals(held.stream().mapToLong(r -> r[1]).sum(), pages.usedPages());
            }
        }
    }

    /** Blocks come first fit from the bottom, large runs from the top: a free run is found from either end. */
    @Test
    void blocksPackAtTheBottomAndLargeRunsComeFromTheTop() {
        try (SpacesHeap h = new SpacesHeap(64 << 12, 1)) {   // 64 pages
            PageResource pages = h.pages;
            long base = h.objects.base();
            long a = pages.acquire(8, 8, (byte) 1);
            long b = pages.acquire(8, 8, (byte) 1);
            assertEquals(base, a);
            assertEquals(base + 8 * PageResource.PAGE_BYTES, b);
            long large = pages.acquireFromTop(10, (byte) 2);
            assertEquals(base + 54 * PageResource.PAGE_BYTES, large, "the highest run of 10 pages");
            pages.release(a, 8);
            assertEquals(a, pages.acquire(8, 8, (byte) 1), "first fit reuses the lowest free run");
            long next = pages.acquireFromTop(5, (byte) 2);
            assertEquals(base + 49 * PageResource.PAGE_BYTES, next, "just below the first large run");
            // pages 16..48 are free: a run of 34 does not fit from the top or the bottom, 33 does
            assertEquals(0, pages.acquireFromTop(34, (byte) 2));
            assertEquals(base + 16 * PageResource.PAGE_BYTES, pages.acquireFromTop(33, (byte) 2));
            assertEquals(0, pages.acquireFromTop(1, (byte) 2));
            h.walk();
        }
    }

    /** A heap of whole words but not whole pages: its partial last page is a free cell no space gets. */
    @Test
    void aPartialLastPageIsNeverHandedOutAndTheHeapStillParses() {
        try (SpacesHeap h = new SpacesHeap((64 << 10) + 40, 1)) {
            assertEquals(16, h.pages.pages());
            h.walk();
            long all = h.pages.acquire(16, 1, (byte) 1);
            assertTrue(all != 0);
            assertEquals(0, h.pages.acquire(1, 1, (byte) 2));
            assertEquals(PageResource.FREE, h.pages.ownerOf(h.objects.base() + (64 << 10) + 8));
            h.walk();
            h.pages.release(all + 15 * PageResource.PAGE_BYTES, 1);
            h.walk();
        }
    }

    @Test
    void aFullHeapSaysSoAndReleasingForeignPagesIsRefused() {
        try (SpacesHeap h = new SpacesHeap(64 << 10, 1)) {
            assertEquals(16, h.pages.pages());
            long all = h.pages.acquire(16, 1, (byte) 1);
            assertTrue(all != 0);
            assertEquals(0, h.pages.acquire(1, 1, (byte) 2));
            long upperHalf = all + 8 * PageResource.PAGE_BYTES;
            h.pages.release(upperHalf, 8);
            assertThrows(IllegalStateException.class, () -> h.pages.release(upperHalf, 1), "no longer owned");
            assertEquals(0, h.pages.acquire(8, 16, (byte) 2), "no run aligned to 16 pages fits");
            assertTrue(h.pages.acquire(8, 8, (byte) 2) != 0);
        }
    }
}
