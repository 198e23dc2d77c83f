package dev.parallax.gc.toolkit.metadata;

import java.util.concurrent.CyclicBarrier;
import java.util.function.LongPredicate;

/** The race the mark-table tests run: two threads mark every unit, meeting on every table word. */
final class MarkRace {
    private MarkRace() {
    }

    /**
     * Two threads call {@code mark} on the address of each of {@code units} 8-byte units from
     * {@code base}, one walking up and the other down, so they meet on every word of the table and
     * mark neighbouring units at once; returns how often each one's {@code mark} returned true.
     */
    static int[] race(long base, int units, LongPredicate mark) throws Exception {
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
                for (int i = 0; i < units; i++) {
                    int unit = me == 0 ? i : units - 1 - i;
                    if (mark.test(base + ((long) unit << 3))) {
                        wins[me]++;
                    }
                }
            });
            racers[t].start();
        }
        for (Thread racer : racers) {
            racer.join();
        }
        return wins;
    }
}
