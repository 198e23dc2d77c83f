package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.harness.report.TextTable;
import dev.parallax.gc.properties.CheckReport;
import dev.parallax.gc.properties.PropertyChecker;
import dev.parallax.gc.properties.Scheduling;
import dev.parallax.gc.runtime.GcRuntimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code parallax check}: runs random mutator programs against a configuration and checks the
 * collector's properties; exits 1 with a shrunk counterexample when one fails.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks the collector's properties with random mutator programs.",
                "",
                "Runs generated programs on fresh runtimes and on a reference model and checks that exactly the "
                        + "reachable objects survive, intact. Runs in debug mode (the heap verified around every "
                        + "collection) unless --no-debug asks for release mode, on a heap sized to the programs "
                        + "unless --heap names one. Exit code 0 when every program passes, 1 with a shrunk "
                        + "counterexample when a property fails."})
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    StrategyOptions strategy;

    @Option(names = "--programs", paramLabel = "N", defaultValue = "200",
            description = "Programs to try (default ${DEFAULT-VALUE}).")
    int programs;

    @Option(names = "--seed", paramLabel = "S",
            description = "Random seed (default: a random one, printed, to rerun a failure).")
    Long seed;

    @Option(names = "--max-actions", paramLabel = "N", defaultValue = "100",
            description = "Largest program, in actions (default ${DEFAULT-VALUE}; single-threaded check only).")
    int maxActions;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Mutator threads; more than 1 runs the concurrent property (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--schedule", paramLabel = "HOW", defaultValue = "random",
            description = "How the threads interleave (--threads > 1): random (default: one thread at a time, on a "
                    + "schedule drawn from the seed, so a failure replays exactly and shrinks with its schedule), "
                    + "round-robin:N (one thread at a time, N steps each in turn) or free (as the JVM schedules "
                    + "them; interleavings vary between runs).")
    String schedule;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        requireAtLeastOne("--programs", programs);
        requireAtLeastOne("--threads", threads);
        requireAtLeastOne("--max-actions", maxActions);
        Scheduling scheduling;
        try {
            scheduling = Scheduling.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--schedule: " + e.getMessage());
        }
        // everything is validated before the first line is printed
        GcConfig config = StrategyOptions.requireKnownStrategies(strategy.load());
        GcRuntimes.validate(config); // option values and pairings, before the header
        boolean heapGiven = strategy.sets("heap");
        boolean debugGiven = strategy.sets("debug");
        if (!debugGiven) {
            config = config.withDebug(true);
        }
        PropertyChecker.Settings settings = new PropertyChecker.Settings(!heapGiven, false);
        GcConfig checked = PropertyChecker.checkedConfig(config, threads, maxActions, settings);
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        out.printf("checking %s: %d programs, %s, heap %s, %s mode, seed %d (rerun with --seed %d)%n",
                config.strategies(), programs,
                threads > 1 ? threads + " threads, schedule " + scheduling : "up to " + maxActions + " actions",
                TextTable.binarySize(checked.heapBytes()), checked.debug() ? "debug" : "release", s, s);
        out.flush();
        CheckReport report = threads > 1
                ? PropertyChecker.checkConcurrent(config, threads, programs, s, settings, scheduling)
                : PropertyChecker.check(config, programs, s, maxActions, settings);
        String rendered = report.render();
        out.print(rendered.endsWith("\n") ? rendered : rendered + System.lineSeparator());
        return report.passed() ? 0 : 1;
    }

    private void requireAtLeastOne(String option, int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, not " + value);
        }
    }
}
