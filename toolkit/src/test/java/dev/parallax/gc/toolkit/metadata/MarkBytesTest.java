package dev.parallax.gc.toolkit.metadata;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The byte mark table: racing racy markers lose no mark and leave no unit unwon; racing atomic
 * markers win each unit exactly once; {@code nextSet} and {@code clearRange} agree with a plain
 * boolean model at every alignment.
 */
class MarkBytesTest {
    private static final long BASE = 1L << 32;
    private static final int UNITS = 1 << 16;

    @Test
    void racingRacyMarkersLoseNoMarkAndEachUnitIsWonAtLeastOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            MarkBytes marks = new MarkBytes(BASE, BASE + ((long) UNITS << 3), 3);
            int[] wins = MarkRace.race(BASE, UNITS, marks::testAndSetRacy);
            assertTrue(wins[0] + wins[1] >= UNITS, "a unit no racer won would never be scanned: " + (wins[0] + wins[1]));
            assertEquals(UNITS, marks.count(BASE, BASE + ((long) UNITS << 3)), "no mark was lost");
        }
    }

    @Test
    void racingAtomicMarkersWinEachUnitExactlyOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            MarkBytes marks = new MarkBytes(BASE, BASE + ((long) UNITS << 3), 3);
            int[] wins = MarkRace.race(BASE, UNITS, marks::testAndSetAtomic);
            assertEquals(UNITS, wins[0] + wins[1], "each unit is won by exactly one racer");
            assertEquals(UNITS, marks.count(BASE, BASE + ((long) UNITS << 3)), "no mark was lost");
        }
    }

    @Test
    void nextSetAndClearRangeAgreeWithABooleanModel() {
        int units = 300;
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            MarkBytes marks = new MarkBytes(BASE, BASE + ((long) units << 3), 3);
            boolean[] model = new boolean[units];
            int density = 1 + random.nextInt(40);
            for (int u = 0; u < units; u++) {
                if (random.nextInt(density) == 0) {
                    model[u] = true;
                    assertTrue(marks.testAndSetRacy(BASE + ((long) u << 3)));
                }
            }
            int clearFrom = random.nextInt(units);
            int clearTo = clearFrom + random.nextInt(units - clearFrom + 1);
            marks.clearRange(BASE + ((long) clearFrom << 3), BASE + ((long) clearTo << 3));
            for (int u = clearFrom; u < clearTo; u++) {
                model[u] = false;
            }
            for (int q = 0; q < 50; q++) {
                int from = random.nextInt(units + 1);
                int to = from + random.nextInt(units - from + 1);
                long toAddress = BASE + ((long) to << 3) - (random.nextBoolean() && to > from ? random.nextInt(8) : 0);
                int expected = from;
                while (expected < to && !model[expected]) {
                    expected++;
                }
                long want = expected < to ? Math.min(BASE + ((long) expected << 3), toAddress) : toAddress;
                assertEquals(want, marks.nextSet(BASE + ((long) from << 3), toAddress),
                        "nextSet from unit " + from + " to 0x" + Long.toHexString(toAddress));
            }
        });
    }

    @Test
    void testAndSetReportsTheFirstMarkOnly() {
        MarkBytes marks = new MarkBytes(BASE, BASE + 4096, 3);
        assertTrue(marks.testAndSetAtomic(BASE + 8));
        assertFalse(marks.testAndSetAtomic(BASE + 8));
        assertFalse(marks.testAndSetRacy(BASE + 8));
        assertTrue(marks.testAndSetRacy(BASE + 16));
        assertEquals(BASE + 8, marks.nextSet(BASE, BASE + 4096));
        marks.clear(BASE + 8);
        assertEquals(BASE + 16, marks.nextSet(BASE, BASE + 4096));
        assertTrue(marks.get(BASE + 16));
    }
}
