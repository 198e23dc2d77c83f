package dev.parallax.gc.collectors.incremental;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;

/**
 * The incremental collector's knobs, read from config options {@code incremental.*}.
 *
 * @param markBudget   grey objects scanned per marking increment ({@code incremental.budget})
 * @param sweepBudget  heap bytes swept per sweeping increment ({@code incremental.sweep-budget})
 * @param triggerRatio start a cycle once this fraction of the heap is in use ({@code incremental.trigger})
 * @param stepBytes    run an increment after every this many bytes handed to allocation buffers
 *                     while a cycle is active ({@code incremental.step}): the allocation pacing
 * @param barrier      whether the SATB write barrier is on ({@code incremental.barrier=satb|off});
 *                     {@code off} is unsafe and exists to show that the barrier is what keeps the
 *                     marking correct
 */
public record IncrementalOptions(long markBudget, long sweepBudget, double triggerRatio, long stepBytes,
                                 boolean barrier) {

    public static IncrementalOptions from(GcConfig config) {
        long budget = positive(config, "incremental.budget", "10000");
        long sweep = positive(config, "incremental.sweep-budget", String.valueOf(1 << 20));
        long step = positive(config, "incremental.step", String.valueOf(128 << 10));
        String ratioText = config.option("incremental.trigger", "0.5");
        double ratio;
        try {
            ratio = Double.parseDouble(ratioText);
        } catch (NumberFormatException e) {
            throw new GcConfigException("incremental.trigger: '" + ratioText + "' is not a number");
        }
        if (!(ratio > 0 && ratio < 1)) {
            throw new GcConfigException("incremental.trigger: " + ratio + " must lie strictly between 0 and 1");
        }
        String barrier = config.option("incremental.barrier", "satb");
        if (!barrier.equals("satb") && !barrier.equals("off")) {
            throw new GcConfigException("incremental.barrier: '" + barrier + "' is not a barrier; use satb or off");
        }
        return new IncrementalOptions(budget, sweep, ratio, step, barrier.equals("satb"));
    }

    private static long positive(GcConfig config, String key, String fallback) {
        String text = config.option(key, fallback);
        try {
            long v = Long.parseLong(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GcConfigException(key + ": '" + text + "' must be a positive integer");
    }
}
