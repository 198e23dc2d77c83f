package dev.parallax.gc.toolkit.metadata;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Side mark bits: the atomic test-and-set lets exactly one of racing tracers win each bit, and loses none. */
class SideBitsTest {
    private static final long BASE = 1L << 32;
    private static final int UNITS = 1 << 16;

    @Test
    void racingTracersWinEachBitExactlyOnceAndLoseNoNeighbour() throws Exception {
        for (int round = 0; round < 20; round++) {
            SideBits bits = new SideBits(BASE, BASE + ((long) UNITS << 3), 3);
            int[] wins = MarkRace.race(BASE, UNITS, bits::testAndSetAtomic);
            assertEquals(UNITS, wins[0] + wins[1], "each bit is won by exactly one racer");
            assertEquals(UNITS, bits.count(BASE, BASE + ((long) UNITS << 3)), "no bit was lost");
        }
    }

    @Test
    void testAndSetReportsTheFirstSetOnly() {
        SideBits bits = new SideBits(BASE, BASE + 4096, 3);
        assertTrue(bits.testAndSetAtomic(BASE + 8));
        assertFalse(bits.testAndSetAtomic(BASE + 8));
        assertFalse(bits.testAndSet(BASE + 8));
        assertTrue(bits.testAndSet(BASE + 16));
        assertEquals(BASE + 8, bits.nextSet(BASE, BASE + 4096));
        bits.clear(BASE + 8);
        assertEquals(BASE + 16, bits.nextSet(BASE, BASE + 4096));
    }
}
