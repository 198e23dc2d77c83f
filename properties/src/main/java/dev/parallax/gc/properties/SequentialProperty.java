package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.properties.program.Program;
import dev.parallax.gc.properties.run.CompleteReclamation;
import dev.parallax.gc.properties.run.Invariant;
import dev.parallax.gc.properties.run.InvariantViolation;
import dev.parallax.gc.properties.run.ProgramRunner;
import dev.parallax.gc.runtime.GcRuntimes;

/**
 * The single-mutator property: a fresh runtime per program, one mutator on the calling thread, the
 * program run in lock-step with the model, then the final collection and the unwinding checks.
 */
final class SequentialProperty {
    private final GcConfig config;
    private final int maxGlobals;
    private final boolean reclamation;

    SequentialProperty(GcConfig config) {
        this.config = config;
        this.maxGlobals = Math.min(16, config.globalCells());
        this.reclamation = CompleteReclamation.applies(config.roots());
    }

    int maxGlobals() {
        return maxGlobals;
    }

    /** Runs {@code program}; returns the first violation, or null when every invariant held. */
    InvariantViolation run(Program program) {
        try (GcRuntime runtime = GcRuntimes.create(config);
             Mutator mutator = runtime.attach("property")) {
            ProgramRunner runner = new ProgramRunner(runtime, mutator, new ProgramRunner.Options(reclamation, maxGlobals));
            runner.start();
            runner.execute(program);
            runner.finish();
            runner.unwind();
            return null;
        } catch (InvariantViolation v) {
            return v;
        } catch (RuntimeException e) {
            return InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "outside any action: ", e);
        }
    }
}
