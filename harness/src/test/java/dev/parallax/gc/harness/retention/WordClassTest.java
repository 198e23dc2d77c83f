package dev.parallax.gc.harness.retention;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class WordClassTest {
    @Test
    void heapAddressesLieInTheHeapAlignedOrNot() {
        qt().forAll(longs().all(), longs().between(1, 1L << 40), integers().between(8, 1 << 20))
                .checkAssert((seed, baseWords, sizeWords) -> {
                    long base = baseWords * 8;
                    long limit = base + sizeWords * 8L;
                    SplittableRandom random = new SplittableRandom(seed);
                    long aligned = WordClass.HEAP_ALIGNED.next(random, base, limit);
                    long unaligned = WordClass.HEAP_UNALIGNED.next(random, base, limit);
                    assertTrue(aligned >= base && aligned < limit && (aligned & 7) == 0, Long.toHexString(aligned));
                    assertTrue(unaligned > base && unaligned < limit && (unaligned & 7) != 0,
                            Long.toHexString(unaligned));
                });
    }

    @Test
    void smallIntegersAndDoublesStayOutOfAUserSpaceHeap() {
        long base = 0x7f00_0000_0000L;
        long limit = base + (64L << 20);
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            long small = WordClass.SMALL_INT.next(random, base, limit);
            double d = Double.longBitsToDouble(WordClass.DOUBLE.next(random, base, limit));
            assertTrue(small >= -1024 && small < 65_536, Long.toString(small));
            assertTrue(d >= -1e6 && d < 1e6, Double.toString(d));
        });
    }

    @Test
    void namesOnTheCommandLine() {
        assertEquals(WordClass.HEAP_UNALIGNED, WordClass.named("heap-unaligned"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordClass.named("pointers"));
        assertTrue(e.getMessage().contains("small-int"), e.getMessage());
    }
}
