package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.properties.reference.RefAction;
import dev.parallax.gc.properties.reference.RefModel;
import dev.parallax.gc.properties.reference.RefPrograms;
import dev.parallax.gc.properties.reference.RefRunner;
import dev.parallax.gc.runtime.GcRuntimes;

import java.util.List;
import java.util.function.Function;

/**
 * The reference property: random reference programs ({@link RefPrograms}) run on a fresh runtime of
 * a configuration and on the {@link RefModel}, compared after every action by {@link RefRunner}:
 * referents cleared exactly when the model says they are unreachable (weak) or under pressure
 * (soft), phantom references enqueued only after their referent is finalized and dead, finalizers
 * run once and only after unreachability with everything their object reaches intact, ephemeron
 * values kept exactly as long as their keys. A failure is shrunk by QuickTheories to a short program.
 */
public final class ReferenceProperty {
    /** The heap each program runs on: large enough that only the program's own collections run. */
    public static final long HEAP_BYTES = 4L << 20;

    /** The verdict: the programs tried, and the shrunk failing program with its failure, if any. */
    public record Result(String config, int tried, List<RefAction> counterexample, String failure) {
        public boolean passed() {
            return failure == null;
        }

        public String render() {
            return passed() ? config + ": " + tried + " reference programs passed"
                    : config + ": a reference program failed after " + tried + " programs\n  failure: " + failure
                    + "\n  program (" + counterexample.size() + " actions): " + counterexample;
        }
    }

    private ReferenceProperty() {
    }

    public static Result check(GcConfig config, int programs, long seed, int maxActions) {
        return check(config, programs, seed, maxActions, GcRuntimes::create);
    }

    /** With {@code start} creating each runtime (teeth tests plant a bug there). */
    public static Result check(GcConfig config, int programs, long seed, int maxActions,
                               Function<GcConfig, GcRuntime> start) {
        GcConfig sized = config.withHeapBytes(HEAP_BYTES);
        Search<List<RefAction>> search = Search.run(RefPrograms.programs(maxActions), seed, programs, 200,
                program -> runOne(sized, program, start));
        Throwable cause = search.cause();
        return new Result(config.strategies() + (config.debug() ? ", debug" : ", release"), search.tried(),
                search.failed() ? search.smallest() : null,
                search.failed() ? (cause == null ? "failed" : cause.getMessage() == null ? cause.toString()
                        : cause.getMessage()) : null);
    }

    private static void runOne(GcConfig config, List<RefAction> program, Function<GcConfig, GcRuntime> start) {
        try (GcRuntime runtime = start.apply(config)) {
            try (RefRunner runner = new RefRunner(runtime)) {
                runner.run(program);
            }
        }
    }
}
