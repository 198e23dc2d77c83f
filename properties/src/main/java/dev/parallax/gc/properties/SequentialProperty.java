package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.properties.program.Program;
import dev.parallax.gc.properties.run.CompleteReclamation;
import dev.parallax.gc.properties.run.Coverage;
import dev.parallax.gc.properties.run.Invariant;
import dev.parallax.gc.properties.run.InvariantViolation;
import dev.parallax.gc.properties.run.PauseInvariants;
import dev.parallax.gc.properties.run.ProgramRunner;
import dev.parallax.gc.runtime.GcRuntimes;

/**
 * The single-mutator property: a fresh runtime per program, one mutator on the calling thread, the
 * program run in lock-step with the model, then the final collection and the unwinding checks.
 * Counts what the programs exercised until {@link #stopCounting()} (shrinking runs are not counted).
 */
final class SequentialProperty {
    private final GcConfig config;
    private final int maxGlobals;
    private final boolean pinning;
    private final ProgramRunner.Options options;
    private final Coverage.Tally coverage = new Coverage.Tally();
    private boolean counting = true;

    /** @throws dev.parallax.gc.api.GcConfigException when the configuration cannot be built */
    SequentialProperty(GcConfig config) {
        this.config = config;
        this.maxGlobals = Math.min(16, config.globalCells());
        try (GcRuntime probe = GcRuntimes.create(config)) {
            this.pinning = probe.constraints().supportsPinning();
        }
        this.options = new ProgramRunner.Options(CompleteReclamation.applies(config.roots()), maxGlobals,
                PauseInvariants.forConfig(config));
    }

    int maxGlobals() {
        return maxGlobals;
    }

    /** Whether the collector supports pinning (else the programs' pins are skipped). */
    boolean pinning() {
        return pinning;
    }

    /** What the programs run so far exercised. */
    Coverage coverage() {
        return coverage.snapshot();
    }

    /** Stops counting: the runs that follow are shrinking runs. */
    void stopCounting() {
        counting = false;
    }

    /** Runs {@code program}; returns the first violation, or null when every invariant held. */
    InvariantViolation run(Program program) {
        Coverage.Tally tally = new Coverage.Tally();
        try (GcRuntime runtime = GcRuntimes.create(config);
             Mutator mutator = runtime.attach("property")) {
            ProgramRunner runner = new ProgramRunner(runtime, mutator, options, tally);
            try {
                runner.start();
                runner.execute(program);
                runner.finish();
                runner.unwind();
                return null;
            } finally {
                tally.program();
                tally.collectorCounters(runtime.stats().collectorCounters());
                if (counting) {
                    coverage.addAll(tally);
                }
            }
        } catch (InvariantViolation v) {
            return v;
        } catch (RuntimeException e) {
            return InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "outside any action: ", e);
        }
    }
}
