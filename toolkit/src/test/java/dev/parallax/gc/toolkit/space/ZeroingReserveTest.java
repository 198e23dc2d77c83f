package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.toolkit.SpacesHeap;
import dev.parallax.gc.toolkit.heap.PageResource;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zeroing reserve under a real race: a taker takes blocks as fast as it can while the zeroer
 * zeroes them. Invariants: a block handed out as zero is zero (past its free-cell header), and the
 * zeroer never writes a block once it is taken (the taker's pattern survives the round).
 */
class ZeroingReserveTest {
    private static final int BLOCKS = 64;
    private static final int BLOCK_PAGES = CopySpace.BLOCK_PAGES;
    private static final long BLOCK_BYTES = CopySpace.BLOCK_BYTES;
    private static final long PATTERN = 0x5A5A_5A5A_5A5A_5A5AL;

    @Test
    void aBlockTakenAsZeroIsZeroAndNoBlockIsWrittenOnceTaken() {
        race(false);
    }

    @Test
    void theSameWithBlocksAlignedFromTheBottomAsAnImmixSpaceTakesThem() {
        race(true);
    }

    private static void race(boolean aligned) {
        try (SpacesHeap h = new SpacesHeap(8L << 20, 1, Arena.ofShared());
             ZeroingReserve reserve = new ZeroingReserve(h.pages, (byte) 1, BLOCKS, BLOCK_PAGES, aligned, "test-zeroer")) {
            MemorySegment heap = h.objects.heap();
            long base = h.objects.base();
            int zeroedSeen = 0;
            int dirtySeen = 0;
            long[] zeroFrom = new long[1];
            long[] taken = new long[BLOCKS];
            for (int round = 0; round < 200; round++) {
                int n = reserve.fill(BLOCKS, 0);
                assertEquals(BLOCKS, n, "round " + round + ": the heap has room for every block");
                if (round % 20 == 19) {
                    pause();   // now and then the zeroer gets well ahead (it may wake late)
                }
                for (int i = 0; i < n; i++) {
                    long block = reserve.take(zeroFrom);
                    taken[i] = block;
                    if (aligned) {
                        assertEquals(0, (block - h.objects.base()) % BLOCK_BYTES, "an aligned reserve's block is aligned");
                    }
                    if (zeroFrom[0] == block + ZeroingReserve.HEADER_BYTES) {
                        zeroedSeen++;
                        for (long a = zeroFrom[0]; a < block + BLOCK_BYTES; a += 8) {
                            assertEquals(0L, heap.get(ValueLayout.JAVA_LONG, a - base),
                                    String.format("round %d: block 0x%x was handed out as zero, but 0x%x is not", round, block, a));
                        }
                    } else {
                        assertEquals(block + BLOCK_BYTES, zeroFrom[0], "a block not zeroed is known zero nowhere");
                        dirtySeen++;
                    }
                    heap.asSlice(block - base, BLOCK_BYTES).fill((byte) 0x5A);   // the mutator's objects
                }
                assertEquals(0L, reserve.take(zeroFrom), "a round hands out its blocks once");
                Thread.onSpinWait();
                for (int i = 0; i < n; i++) {
                    long last = taken[i] + BLOCK_BYTES - 8;
                    assertEquals(PATTERN, heap.get(ValueLayout.JAVA_LONG, last - base),
                            String.format("round %d: block 0x%x was written after it was taken", round, taken[i]));
                    assertEquals(PATTERN, heap.get(ValueLayout.JAVA_LONG, taken[i] + ZeroingReserve.HEADER_BYTES - base));
                    h.pages.release(taken[i], BLOCK_PAGES);   // the next round reuses these pages, dirty
                }
            }
            assertTrue(zeroedSeen > 0, "the zeroer zeroed some blocks before they were taken");
            assertTrue(dirtySeen > 0, "the taker got some blocks before the zeroer did (the race ran)");
        }
    }

    @Test
    void giveBackReturnsTheUntakenBlocksAndTheReserveRefusesToFillTwice() {
        try (SpacesHeap h = new SpacesHeap(8L << 20, 1, Arena.ofShared());
             ZeroingReserve reserve = new ZeroingReserve(h.pages, (byte) 1, BLOCKS, BLOCK_PAGES, false, "test-zeroer")) {
            PageResource pages = h.pages;
            int free = pages.freePages();
            assertEquals(10, reserve.fill(10, 0));
            assertEquals(free - 10 * BLOCK_PAGES, pages.freePages());
            assertEquals(10 * BLOCK_BYTES, reserve.bytes());
            assertEquals(10 * BLOCK_BYTES, reserve.largestRunBytes(), "ten adjacent blocks taken from a free heap");
            assertThrows(IllegalStateException.class, () -> reserve.fill(10, 0));
            long block = reserve.take(new long[1]);
            assertEquals(1, pages.ownerOf(block));
            reserve.giveBack();
            assertEquals(0, reserve.bytes());
            assertEquals(free - BLOCK_PAGES, pages.freePages(), "only the taken block stays the space's");
            int kept = free - BLOCK_PAGES - 3 * BLOCK_PAGES;
            assertEquals(0, reserve.fill(BLOCKS, pages.freePages()), "no block when the pages must stay free");
            assertTrue(reserve.fill(BLOCKS, kept) <= 3, "it leaves the pages asked for free");
            assertTrue(pages.freePages() >= kept);
        }
    }

    @Test
    void aConfinedHeapCannotBeZeroedByAnotherThread() {
        try (Arena confined = Arena.ofConfined()) {
            assertFalse(ZeroingReserve.possible(confined.allocate(4096)));
        }
        try (Arena shared = Arena.ofShared()) {
            assertTrue(ZeroingReserve.possible(shared.allocate(4096)));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
