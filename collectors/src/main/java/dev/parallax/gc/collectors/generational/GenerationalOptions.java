package dev.parallax.gc.collectors.generational;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.collectors.trace.GcWorkers;

/**
 * The generational collector's knobs, read from config options {@code generational.*}.
 *
 * @param nurseryFraction the nursery's share of the heap ({@code generational.nursery}, default 0.125)
 * @param barrier         whether the write barrier runs ({@code generational.barrier=object|off});
 *                        {@code off} is unsafe (a minor collection misses old-to-young pointers) and
 *                        exists to measure what the barrier costs on a workload that makes none
 * @param matureMarkSweep whether the mature space is segregated-fit mark-sweep
 *                        ({@code generational.mature=mark-sweep}) rather than Immix (the default)
 * @param workers         GC worker threads that trace a collection ({@code generational.workers},
 *                        default: the machine's cores); with a mark-sweep mature space, one
 * @param zeroAhead       whether a background thread zeroes the nursery's next blocks while the
 *                        mutators run ({@code generational.zeroing=concurrent}, the default) or each
 *                        mutator zeroes the blocks it gets ({@code mutator})
 * @param pauseGoalNanos  a goal for the longest minor pause ({@code generational.pause-goal-ms}, in
 *                        milliseconds; default {@code off}, 0 here): the nursery then shrinks below
 *                        its share until a minor collection of a nursery that survives whole fits
 *                        the goal ({@link NurserySizer})
 */
public record GenerationalOptions(double nurseryFraction, boolean barrier, boolean matureMarkSweep, int workers,
                                  boolean zeroAhead, long pauseGoalNanos) {

    public static GenerationalOptions defaults() {
        return new GenerationalOptions(0.125, true, false, GcWorkers.cores(), true, 0);
    }

    public static GenerationalOptions from(GcConfig config) {
        String text = config.option("generational.nursery", "0.125");
        double fraction;
        try {
            fraction = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new GcConfigException("generational.nursery: '" + text + "' is not a number");
        }
        if (!(fraction > 0 && fraction <= 0.5)) {
            throw new GcConfigException("generational.nursery: " + fraction + " must lie above 0 and at most 0.5");
        }
        String barrier = config.option("generational.barrier", "object");
        if (!barrier.equals("object") && !barrier.equals("off")) {
            throw new GcConfigException("generational.barrier: '" + barrier + "' is not a barrier; use object or off");
        }
        String mature = config.option("generational.mature", "immix");
        if (!mature.equals("immix") && !mature.equals("mark-sweep")) {
            throw new GcConfigException("generational.mature: '" + mature + "' is not a mature space; use immix or "
                    + "mark-sweep");
        }
        String zeroing = config.option("generational.zeroing", "concurrent");
        if (!zeroing.equals("concurrent") && !zeroing.equals("mutator")) {
            throw new GcConfigException("generational.zeroing: '" + zeroing + "' is not a zeroing policy; use "
                    + "concurrent or mutator");
        }
        return new GenerationalOptions(fraction, barrier.equals("object"), mature.equals("mark-sweep"),
                GcWorkers.parse(config, "generational.workers"), zeroing.equals("concurrent"), pauseGoal(config));
    }

    /** {@code generational.pause-goal-ms}: off, or a positive number of milliseconds (at most a minute). */
    private static long pauseGoal(GcConfig config) {
        String text = config.option("generational.pause-goal-ms", "off");
        if (text.equals("off")) {
            return 0;
        }
        double millis;
        try {
            millis = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new GcConfigException("generational.pause-goal-ms: '" + text + "' is neither off nor a number of "
                    + "milliseconds");
        }
        if (!(millis > 0 && millis <= 60_000)) {
            throw new GcConfigException("generational.pause-goal-ms: " + text + " must lie above 0 and at most 60000 "
                    + "(a minute), or be off");
        }
        return Math.max(1, (long) (millis * 1e6));
    }
}
