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
 * values kept exactly as long as their keys. A failure is shrunk by QuickTheories, then by removing
 * actions while it still fails, to a short program.
 */
public final class ReferenceProperty {
    /** The heap each program runs on: large enough that only the program's own collections run. */
    public static final long HEAP_BYTES = 4L << 20;

    /** The verdict: the programs tried, and the shrunk failing program with its failure, if any. */
    public record Result(String config, int tried, List<RefAction> counterexample, String failure, long[] coverage) {
        public boolean passed() {
            return failure == null;
        }

        public String render() {
            return passed() ? config + ": " + tried + " reference programs passed; " + coverageText()
                    : config + ": a reference program failed after " + tried + " programs\n  failure: " + failure
                    + "\n  program (" + counterexample.size() + " actions): " + counterexample;
        }

        /** "12 references cleared, 3 ephemerons cleared, 5 finalizers run, 2 objects resurrected" (shrinking runs included). */
        public String coverageText() {
            return coverage[0] + " references cleared, " + coverage[1] + " ephemerons cleared, " + coverage[2]
                    + " finalizers run, " + coverage[3] + " objects resurrected";
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
        long[] coverage = new long[4];
        Search<List<RefAction>> search = Search.run(RefPrograms.programs(maxActions), seed, programs, 50,
                program -> runOne(sized, program, start, coverage));
        String name = config.strategies() + (config.debug() ? ", debug" : ", release");
        if (!search.failed()) {
            return new Result(name, search.tried(), null, null, coverage);
        }
        List<RefAction> smallest = minimize(search.smallest(), p -> failureOf(sized, p, start) != null);
        return new Result(name, search.tried(), smallest, failureOf(sized, smallest, start), coverage);
    }

    /** Removes chunks of actions, then single actions, while the program still fails (at most 150 runs). */
    static List<RefAction> minimize(List<RefAction> program, java.util.function.Predicate<List<RefAction>> fails) {
        List<RefAction> current = program;
        int runs = 0;
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1 && runs < 150; chunk /= 2) {
            boolean removed = true;
            while (removed && runs < 150) {
                removed = false;
                for (int from = 0; from + chunk <= current.size() && runs < 150; ) {
                    List<RefAction> candidate = new java.util.ArrayList<>(current.subList(0, from));
                    candidate.addAll(current.subList(from + chunk, current.size()));
                    runs++;
                    if (!candidate.isEmpty() && fails.test(candidate)) {
                        current = candidate;
                        removed = true;
                    } else {
                        from += chunk;
                    }
                }
            }
        }
        return current;
    }

    /** Runs one given program on a runtime {@code start} creates; its failure, or null when it passes. */
    public static String failure(GcConfig config, List<RefAction> program, Function<GcConfig, GcRuntime> start) {
        return failureOf(config.withHeapBytes(HEAP_BYTES), program, start);
    }

    private static String failureOf(GcConfig config, List<RefAction> program, Function<GcConfig, GcRuntime> start) {
        try {
            runOne(config, program, start, new long[4]);
            return null;
        } catch (Throwable t) {
            return t.getMessage() == null ? t.toString() : t.getMessage();
        }
    }

    static void runOne(GcConfig config, List<RefAction> program, Function<GcConfig, GcRuntime> start,
                               long[] coverage) {
        try (GcRuntime runtime = start.apply(config)) {
            try (RefRunner runner = new RefRunner(runtime)) {
                try {
                    runner.run(program);
                } finally {
                    long[] c = runner.coverage();
                    for (int i = 0; i < c.length; i++) {
                        coverage[i] += c[i];
                    }
                }
            }
        }
    }
}
