package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.GcConfig;

import java.util.Map;

/** A benchmark's {@code option} parameter: one strategy option as {@code key=value}, or empty for none. */
final class StrategyOption {
    private StrategyOption() {
    }

    /** {@code config} with the option added; unchanged for an empty one. */
    static GcConfig apply(GcConfig config, String option) {
        if (option.isEmpty()) {
            return config;
        }
        String[] kv = option.split("=", 2);
        if (kv.length != 2) {
            throw new IllegalArgumentException("option '" + option + "' is not key=value");
        }
        return config.withOptions(Map.of(kv[0], kv[1]));
    }
}
