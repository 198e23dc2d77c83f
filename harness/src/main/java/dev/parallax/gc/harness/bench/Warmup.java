package dev.parallax.gc.harness.bench;

import java.io.Serializable;
import java.util.Locale;

/**
 * When a row's warm-up ends: after at least {@code minBodies} untimed bodies, as soon as the last two
 * took times within {@code tolerance} of each other (relative to the shorter), and after
 * {@code maxBodies} at the latest (the row then says it did not settle).
 *
 * @param minBodies at least this many warm-up bodies (&ge; 0)
 * @param maxBodies at most this many (&ge; minBodies)
 * @param tolerance the largest relative difference of two consecutive bodies that counts as settled
 */
public record Warmup(int minBodies, int maxBodies, double tolerance) implements Serializable {
    /** At least 4 bodies, until two consecutive ones are within 5%, at most 20. */
    public static final Warmup DEFAULT = new Warmup(4, 20, 0.05);

    public Warmup {
        if (minBodies < 0 || maxBodies < minBodies || !(tolerance >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "warm-up needs 0 <= min <= max bodies and a "
                    + "tolerance >= 0, not %d, %d and %s", minBodies, maxBodies, tolerance));
        }
    }

    /** Whether warm-up may stop after bodies that took {@code previousMs} and then {@code lastMs}. */
    public boolean settled(double previousMs, double lastMs) {
        return Math.abs(lastMs - previousMs) <= tolerance * Math.min(previousMs, lastMs);
    }
}
