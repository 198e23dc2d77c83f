package dev.parallax.gc.harness.bench;

import dev.parallax.gc.harness.netbench.NetBench;
import dev.parallax.gc.harness.netbench.NetBenchParams;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.harness.gcbench.HeapGcBench;
import dev.parallax.gc.harness.gcbench.JavaGcBench;
import dev.parallax.gc.harness.report.GcLog;
import dev.parallax.gc.runtime.ConfigLoader;
import dev.parallax.gc.runtime.GcRuntimes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/** Runs one row of the benchmark in this JVM: the baseline, or GCBench on a runtime of the row's config. */
public final class RowRun {
    private RowRun() {
    }

    /**
     * @param spec     the row
     * @param stdout   where a GC log to standard output goes
     * @param progress told a line per body
     */
    public static BenchRow run(RowSpec spec, PrintWriter stdout, Consumer<String> progress) throws IOException {
        BenchRunner runner = new BenchRunner(spec.warmup(), spec.bodies(), progress);
        JvmGcMeter jvm = new JvmGcMeter();
        if (spec.net() != null) {
            return runNet(spec, runner, jvm, stdout);
        }
        if (spec.baseline()) {
            try (JavaGcBench bench = new JavaGcBench(spec.params())) {
                return runner.run(spec.label(), bench, jvm, Runtime.getRuntime().maxMemory(), jvm.describe());
            }
        }
        GcConfig config = ConfigLoader.load((Path) null, spec.config());
        try (GcRuntime runtime = GcRuntimes.create(config);
             HeapGcMeter meter = new HeapGcMeter(runtime);
             LogTarget log = LogTarget.open(spec.gcLogFile(), stdout)) {
            if (log != null) {
                GcLog.attach(runtime, log.writer(), spec.gcLogLevel());
            }
            try (HeapGcBench bench = new HeapGcBench(runtime, spec.params())) {
                return runner.run(spec.label(), bench, meter, config.heapBytes(), jvm.describe());
            }
        }
    }

    /**
     * A row of the net workload: the baseline reduces the net with numbers held in the net (no heap
     * object) on the default runtime with {@code net-indexed}; the others put them in boxes and tuples
     * on the row's heap.
     */
    private static BenchRow runNet(RowSpec spec, BenchRunner runner, JvmGcMeter jvm, PrintWriter stdout)
            throws IOException {
        GcConfig config = spec.baseline() ? NetBenchParams.baselineConfig() : ConfigLoader.load((Path) null, spec.config());
        try (GcRuntime runtime = GcRuntimes.create(config);
             HeapGcMeter meter = new HeapGcMeter(runtime);
             LogTarget log = LogTarget.open(spec.baseline() ? null : spec.gcLogFile(), stdout)) {
            if (log != null) {
                GcLog.attach(runtime, log.writer(), spec.gcLogLevel());
            }
            try (NetBench bench = new NetBench(runtime, spec.net(), !spec.baseline())) {
                return runner.run(spec.label(), bench, meter, config.heapBytes(), jvm.describe());
            }
        }
    }

    /** Where a row's GC log goes: standard output (left open) or a file, appended to (closed after the row). */
    private record LogTarget(PrintWriter writer, boolean owned) implements AutoCloseable {
        static LogTarget open(String file, PrintWriter stdout) throws IOException {
            if (file == null) {
                return null;
            }
            if (file.equals(RowSpec.STDOUT)) {
                return new LogTarget(stdout, false);
            }
            return new LogTarget(new PrintWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)), true);
        }

        @Override
        public void close() {
            writer.flush();
            if (owned) {
                writer.close();
            }
        }
    }
}
