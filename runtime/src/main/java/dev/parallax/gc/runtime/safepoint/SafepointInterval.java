package dev.parallax.gc.runtime.safepoint;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;

/**
 * The option {@code safepoints.interval}: a policy polls at every N-th site of the kind it polls at
 * (default 1, every site). A larger N makes the sites cheaper and the time-to-safepoint longer.
 */
public final class SafepointInterval {
    public static final String OPTION = "safepoints.interval";

    private SafepointInterval() {
    }

    /** The configured interval. @throws GcConfigException unless it is a positive int */
    public static int from(GcConfig config) {
        String text = config.option(OPTION, "1").strip();
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new GcConfigException(OPTION + ": '" + text + "' is not a positive integer (poll every N-th site)");
    }

    /** Refuses a non-positive interval given in code. */
    static int check(int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException(OPTION + " must be at least 1, not " + interval);
        }
        return interval;
    }
}
