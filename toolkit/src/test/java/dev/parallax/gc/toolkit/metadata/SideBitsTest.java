package dev.parallax.gc.toolkit.metadata;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CyclicBarrier;

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
            int[] wins = new int[2];
            CyclicBarrier start = new CyclicBarrier(2);
            Thread[] racers = new Thread[2];
            for (int t = 0; t < 2; t++) {
                int me = t;
                racers[t] = new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    // one racer walks up, the other down: they meet on every word, setting neighbouring bits
                    for (int i = 0; i < UNITS; i++) {
                        int unit = me == 0 ? i : UNITS - 1 - i;
                        if (bits.testAndSetAtomic(BASE + ((long) unit << 3))) {
                            wins[me]++;
                        }
                    }
                });
                racers[t].start();
            }
            for (Thread racer : racers) {
                racer.join();
            }
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
