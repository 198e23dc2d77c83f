package dev.parallax.gc.harness.bench;

import dev.parallax.gc.harness.netbench.NetBenchParams;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.harness.report.GcLog;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one row of the benchmark needs, in a form that crosses into a fresh JVM: the row's
 * configuration as config keys (none for the baseline), the GCBench sizes, the warm-up rule and the
 * timed bodies, and where its GC log goes.
 *
 * @param label      the row's name in the table
 * @param config     the parallax runtime's settings as config keys, or null for the baseline
 * @param params     the GCBench sizes
 * @param warmup     when the warm-up ends
 * @param bodies     timed bodies
 * @param gcLogFile  a file the GC log is appended to, "-" for standard output, or null for no log
 * @param gcLogLevel how much the GC log says
 * @param net        the net workload's sizes, or null for GCBench
 */
public record RowSpec(String label, Map<String, String> config, GcBenchParams params, Warmup warmup, int bodies,
                      String gcLogFile, GcLog.Level gcLogLevel, NetBenchParams net) implements Serializable {
    /** The standard-output target of {@link #gcLogFile}. */
    public static final String STDOUT = "-";

    public RowSpec {
        config = config == null ? null : new LinkedHashMap<>(config);
    }

    /** A GCBench row. */
    public RowSpec(String label, Map<String, String> config, GcBenchParams params, Warmup warmup, int bodies,
                   String gcLogFile, GcLog.Level gcLogLevel) {
        this(label, config, params, warmup, bodies, gcLogFile, gcLogLevel, null);
    }

    public boolean baseline() {
        return config == null;
    }

    /** {@code config} as config keys, which the runtime's config loader reads back to an equal config. */
    public static Map<String, String> keys(GcConfig config) {
        Map<String, String> keys = new LinkedHashMap<>(config.options());
        keys.put("collector", config.collector());
        keys.put("roots", String.join(",", config.roots()));
        keys.put("tags", config.tags());
        keys.put("safepoints", config.safepoints());
        keys.put("heap", Long.toString(config.heapBytes()));
        keys.put("tlab", Long.toString(config.tlabBytes()));
        keys.put("stack", Integer.toString(config.stackWords()));
        keys.put("globals", Integer.toString(config.globalCells()));
        keys.put("mutators", Integer.toString(config.maxMutators()));
        keys.put("debug", Boolean.toString(config.debug()));
        keys.put("object-ids", Boolean.toString(config.objectIds()));
        keys.put("stress", config.stress().name().toLowerCase(java.util.Locale.ROOT));
        keys.put("stress-interval", Integer.toString(config.stressInterval()));
        keys.put("safepoint-timeout", config.safepointTimeoutMillis() + "ms");
        return keys;
    }
}
