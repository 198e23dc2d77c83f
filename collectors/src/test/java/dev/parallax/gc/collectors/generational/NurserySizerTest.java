package dev.parallax.gc.collectors.generational;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nursery budget under a pause goal, fed with pauses from a known cost model (no clock): the
 * budget settles where a nursery that survives whole fits the planned share of the goal, stays
 * within its bounds, survives one stretched pause, and forgets a cold start.
 */
class NurserySizerTest {
    private static final long MAX = 8L << 20;
    private static final long GOAL = 2_000_000;          // 2 ms
    private static final double RATE = 0.8;              // ns per byte copied
    private static final long FIXED = 20_000;            // ns per minor collection

    /** A pause of the model: fixed cost plus the copy. */
    private static long pause(long copied, double rate) {
        return FIXED + (long) (copied * rate);
    }

    /** Minor collections that alternately copy the whole budget and almost nothing, as GCBench's do. */
    private static void run(NurserySizer sizer, int minors, double rate) {
        for (int i = 0; i < minors; i++) {
            long copied = i % 2 == 0 ? sizer.budget() : 1_000;
            sizer.minorDone(copied, pause(copied, rate));
        }
    }

    /** The budget a steady model settles at: a whole nursery's copy fits the planned share of the goal. */
    private static long settled(double rate) {
        return (long) ((NurserySizer.HEADROOM * GOAL - FIXED) / rate);
    }

    @Test
    void withoutAGoalTheBudgetIsTheNurseryShareWhateverThePauses() {
        NurserySizer sizer = new NurserySizer(MAX, 0);
        sizer.minorDone(MAX, 50_000_000);
        assertEquals(MAX, sizer.budget());
    }

    @Test
    void aSteadyCopyRateSettlesTheBudgetWhereAWholeNurseryFitsTheGoal() {
        NurserySizer sizer = new NurserySizer(MAX, GOAL);
        run(sizer, 400, RATE);
        long expected = settled(RATE);
        assertTrue(Math.abs(sizer.budget() - expected) < expected / 20,
                "budget " + sizer.budget() + ", expected about " + expected);
        assertTrue(pause(sizer.budget(), RATE) <= GOAL, "a whole nursery's minor collection fits the goal");
    }

    @Test
    void theBudgetStaysBetweenItsFloorAndTheNurseryShare() {
        NurserySizer tight = new NurserySizer(MAX, 10_000);   // 10 us: no nursery is that fast
        run(tight, 100, RATE);
        assertEquals(NurserySizer.MIN_BUDGET_BYTES, tight.budget());
        NurserySizer loose = new NurserySizer(MAX, 1_000_000_000);   // a second: the share is the limit
        run(loose, 100, RATE);
        assertEquals(MAX, loose.budget());
        NurserySizer small = new NurserySizer(64 << 10, 10_000);   // a share below the floor: the share wins
        run(small, 100, RATE);
        assertEquals(64 << 10, small.budget());
    }

    @Test
    void oneStretchedPauseShrinksTheBudgetBoundedlyAndItRecovers() {
        NurserySizer sizer = new NurserySizer(MAX, GOAL);
        run(sizer, 400, RATE);
        long before = sizer.budget();
        sizer.minorDone(before, 100_000_000);   // the OS held the collector for 100 ms
        assertTrue(sizer.budget() > before / 4, "one sample moves the rate by at most its clamp: " + sizer.budget()
                + " after " + before);
        run(sizer, 200, RATE);
        assertTrue(Math.abs(sizer.budget() - before) < before / 20, "recovered to " + sizer.budget() + " of " + before);
    }

    @Test
    void aColdStartIsForgotten() {
        NurserySizer sizer = new NurserySizer(MAX, GOAL);
        run(sizer, 10, 10 * RATE);   // interpreted and C1 code copies ten times slower
        long cold = sizer.budget();
        run(sizer, 300, RATE);
        long expected = settled(RATE);
        assertTrue(cold < expected / 2, "cold code shrank the budget: " + cold);
        assertTrue(Math.abs(sizer.budget() - expected) < expected / 20, "budget " + sizer.budget() + ", expected about "
                + expected);
    }

    @Test
    void aNoisyCopyRatePlansForTheSlowCollections() {
        NurserySizer sizer = new NurserySizer(MAX, GOAL);
        for (int i = 0; i < 400; i++) {
            double rate = i % 4 == 0 ? 1.5 * RATE : RATE;   // every fourth collection copies half again as slow
            long copied = sizer.budget();
            sizer.minorDone(copied, pause(copied, rate));
        }
        assertTrue(pause(sizer.budget(), 1.5 * RATE) <= GOAL, "the slow collections fit the goal too: budget "
                + sizer.budget());
    }

    @Test
    void thePauseGoalOptionIsOffOrPositiveMilliseconds() {
        assertEquals(0, GenerationalOptions.from(GcConfig.defaults()).pauseGoalNanos());
        assertEquals(0, options("off").pauseGoalNanos());
        assertEquals(2_000_000, options("2").pauseGoalNanos());
        assertEquals(500_000, options("0.5").pauseGoalNanos());
        for (String bad : new String[] {"fast", "2ms", "0", "-1", "NaN", "60001"}) {
            var e = assertThrows(GcConfigException.class, () -> options(bad), bad);
            assertTrue(e.getMessage().startsWith("generational.pause-goal-ms: "), e.getMessage());
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    private static GenerationalOptions options(String goal) {
        return GenerationalOptions.from(GcConfig.defaults().withOptions(Map.of("generational.pause-goal-ms", goal)));
    }
}
