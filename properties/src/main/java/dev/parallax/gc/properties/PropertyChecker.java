package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;
import dev.parallax.gc.properties.program.Program;
import dev.parallax.gc.properties.program.Programs;
import dev.parallax.gc.properties.run.Coverage;
import dev.parallax.gc.properties.run.InvariantViolation;
import dev.parallax.gc.properties.run.Minimizer;
import dev.parallax.gc.properties.run.Trace;
import dev.parallax.gc.properties.schedule.ConcurrentCase;
import dev.parallax.gc.properties.schedule.ConcurrentMinimizer;
import dev.parallax.gc.properties.schedule.Schedule;
import org.quicktheories.core.Gen;
import dev.parallax.gc.runtime.StrategyCatalog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Checks a runtime configuration against the reference model with generated mutator programs: the
 * entry point of the CLI's {@code check} command and of users' tests of their own strategies.
 *
 * <p>Each check runs QuickTheories with a fixed seed (the same seed generates the same programs),
 * catches the first violation through its own reporter, lets QuickTheories shrink the program and
 * then shrinks it further ({@link Minimizer}), and reports the smallest program with the concrete
 * step each action resolved to, and what the programs exercised ({@link Coverage}: the invariants
 * checked and how often, the pauses by reason, the collector's counters).
 */
public final class PropertyChecker {
    /** QuickTheories shrink attempts after the first failure; each runs one program. */
    static final int SHRINK_CYCLES = 300;
    /** Runs the minimizer may spend after QuickTheories' shrinking. */
    static final int MINIMIZE_BUDGET = 400;
    /** Shrink attempts for a concurrent failure: slow runs, nondeterministic outcomes. */
    static final int CONCURRENT_SHRINK_CYCLES = 100;
    /** Runs the concurrent minimiser may spend after QuickTheories' shrinking (deterministic schedules only). */
    static final int CONCURRENT_MINIMIZE_BUDGET = 150;
    /** Actions per thread program in the concurrent check. */
    static final int CONCURRENT_MAX_ACTIONS = 120;

    /**
     * What the checker may change in the configuration it is given.
     *
     * @param sizeHeap   replace the heap by one sized to the programs (1 to 64 MiB); when false the
     *                   configured heap is kept, and refused if smaller than the programs may need
     * @param forceDebug turn debug mode on (the verifier and live-set checks around every collection);
     *                   when false the configured mode is kept, so that release mode can be checked
     */
    public record Settings(boolean sizeHeap, boolean forceDebug) {
        /** A heap sized to the programs, the configured mode. */
        public static final Settings DEFAULT = new Settings(true, false);
    }

    private PropertyChecker() {
    }

    /**
     * Runs {@code programs} generated single-mutator programs of up to {@code maxActions} actions,
     * each on a fresh runtime of {@code config} (in its own mode, debug or release, with object ids and
     * a small heap sized to the programs).
     *
     * @throws dev.parallax.gc.api.GcConfigException when the configuration cannot be built at all
     */
    public static CheckReport check(GcConfig config, int programs, long seed, int maxActions) {
        return check(config, programs, seed, maxActions, Settings.DEFAULT);
    }

    /**
     * As {@link #check(GcConfig, int, long, int)}, changing only what {@code settings} allows.
     *
     * @throws IllegalArgumentException unless {@code programs} and {@code maxActions} are at least 1
     * @throws dev.parallax.gc.api.GcConfigException when the configuration cannot be built at all, or
     *         its heap is kept and too small for the programs
     */
    public static CheckReport check(GcConfig config, int programs, long seed, int maxActions, Settings settings) {
        requireAtLeastOne("programs", programs);
        requireAtLeastOne("actions per program", maxActions);
        GcConfig cfg = forChecking(config, maxActions, settings);
        // a bad configuration is the caller's error, not a counterexample: the constructor throws
        SequentialProperty sequential = new SequentialProperty(cfg);
        String property = String.format("sequential model check of %s%s%s (seed %d, up to %d actions per program, %s)",
                cfg.strategies(), options(cfg), stress(cfg), seed, maxActions, mode(cfg));
        Search<Program> search = Search.run(Programs.programs(maxActions, cfg.roots().contains("globals")), seed, programs,
                SHRINK_CYCLES, program -> {
                    InvariantViolation v = sequential.run(program);
                    if (v != null) {
                        sequential.stopCounting();
                        throw v;
                    }
                });
        Coverage coverage = sequential.coverage();
        if (!search.failed()) {
            return CheckReport.pass(property, search.tried()).withCoverage(coverage);
        }
        if (!(search.cause() instanceof InvariantViolation violation)) {
            return new CheckReport(property, search.tried(), false,
                    Trace.render(search.smallest(), sequential.maxGlobals(), sequential.pinning(), headerWords(cfg)),
                    stackTrace(search.cause()), coverage);
        }
        Minimizer.Result min = Minimizer.minimize(search.smallest(), violation, sequential::run, MINIMIZE_BUDGET);
        return new CheckReport(property, search.tried(), false,
                Trace.render(min.program(), sequential.maxGlobals(), sequential.pinning(), headerWords(cfg)),
                explain(min.violation()),
                coverage);
    }

    /**
     * Runs {@code programs} generated sets of {@code threads} programs, each set on a fresh shared
     * runtime of {@code config} (in its own mode, with object ids; stress mode POLL every 5th poll
     * unless the config chose one) with a collecting control thread, interleaved by the deterministic
     * scheduler on a schedule drawn from the seed: the seed fixes programs and interleaving, and a
     * failure replays exactly.
     */
    public static CheckReport checkConcurrent(GcConfig config, int threads, int programs, long seed) {
        return checkConcurrent(config, threads, programs, seed, Settings.DEFAULT);
    }

    /** As {@link #checkConcurrent(GcConfig, int, int, long)}, changing only what {@code settings} allows. */
    public static CheckReport checkConcurrent(GcConfig config, int threads, int programs, long seed,
                                              Settings settings) {
        return checkConcurrent(config, threads, programs, seed, settings, Scheduling.RANDOM);
    }

    /**
     * As {@link #checkConcurrent(GcConfig, int, int, long, Settings)}, interleaving the threads as
     * {@code scheduling} says: deterministic ({@link Scheduling#RANDOM}, the default, or round-robin),
     * where a failure is shrunk with its schedule and then minimised, or free-running, where the
     * interleaving varies between runs and only QuickTheories' shrinking applies.
     *
     * @throws IllegalArgumentException unless {@code threads} and {@code programs} are at least 1
     */
    public static CheckReport checkConcurrent(GcConfig config, int threads, int programs, long seed,
                                              Settings settings, Scheduling scheduling) {
        requireAtLeastOne("threads", threads);
        requireAtLeastOne("programs", programs);
        int n = Math.min(threads, 16);
        GcConfig cfg = forChecking(config, CONCURRENT_MAX_ACTIONS * n, settings);
        if (cfg.stress() == StressMode.OFF) {
            cfg = cfg.withStress(StressMode.POLL, 5);
        }
        String interleaving = scheduling.deterministic()
                ? "deterministic schedule " + scheduling + ", replayed exactly from the seed"
                : "free-running threads, interleavings vary between runs";
        String property = String.format("concurrent model check of %s%s%s, %d mutator threads and a collecting "
                + "control thread (seed %d; %s; %s)", cfg.strategies(), options(cfg), stress(cfg), n, seed,
                interleaving, mode(cfg));
        ConcurrentProperty concurrent = new ConcurrentProperty(cfg, n);
        boolean pinning = concurrent.pinning();
        Gen<List<Program>> sets = Programs.programSets(n, CONCURRENT_MAX_ACTIONS, cfg.roots().contains("globals"));
        Gen<ConcurrentCase> cases = switch (scheduling.kind()) {
            case "random" -> sets.zip(Schedule.random(n + 1), ConcurrentCase::new);
            case "round-robin" -> sets.map(set -> new ConcurrentCase(set, Schedule.roundRobin(scheduling.every())));
            default -> sets.map(set -> new ConcurrentCase(set, null));
        };
        Function<ConcurrentCase, InvariantViolation> run = c -> concurrent.run(c.programs(), c.schedule());
        Search<ConcurrentCase> search = Search.run(cases.describedAs(ConcurrentCase::toString), seed, programs,
                CONCURRENT_SHRINK_CYCLES, c -> {
                    InvariantViolation v = run.apply(c);
                    if (v != null) {
                        throw v;
                    }
                });
        if (!search.failed()) {
            return CheckReport.pass(property, search.tried());
        }
        ConcurrentCase smallest = search.smallest();
        String failure;
        if (search.cause() instanceof InvariantViolation v) {
            if (scheduling.deterministic()) {
                ConcurrentMinimizer.Result min = ConcurrentMinimizer.minimize(smallest, v, run, CONCURRENT_MINIMIZE_BUDGET);
                smallest = min.value();
                v = min.violation();
            }
            failure = explain(v);
        } else {
            failure = stackTrace(search.cause());
        }
        StringBuilder counterexample = new StringBuilder();
        for (int i = 0; i < smallest.programs().size(); i++) {
            counterexample.append("thread t").append(i).append(":\n")
                    .append(Trace.render(smallest.programs().get(i), concurrent.maxGlobals(), pinning, headerWords(cfg)));
        }
        counterexample.append("schedule (participants t0..t").append(n - 1).append(", then the control thread as p")
                .append(n).append("): ").append(smallest.schedule() == null ? "free-running" : smallest.schedule())
                .append('\n');
        return new CheckReport(property, search.tried(), false, counterexample.toString(), failure);
    }

    /**
     * The configuration as checked: its own mode (debug mode adds the runtime's verifier and live-set
     * check to the model's invariants; release mode checks the collector as benchmarks run it), object
     * ids kept (the identity invariant needs them, in release mode too), and a heap of 1 to 64 MiB
     * sized to the programs.
     */
    static GcConfig forChecking(GcConfig config, int maxActions) {
        return forChecking(config, maxActions, Settings.DEFAULT);
    }

    /**
     * The configuration a check of {@code threads} mutators (1: the sequential check) with programs of
     * up to {@code maxActions} actions runs, changed as far as {@code settings} allows: for callers that
     * validate or describe it before checking.
     *
     * @throws GcConfigException when the heap is kept and too small for the programs
     */
    public static GcConfig checkedConfig(GcConfig config, int threads, int maxActions, Settings settings) {
        return forChecking(config, threads > 1 ? CONCURRENT_MAX_ACTIONS * Math.min(threads, 16) : maxActions,
                settings);
    }

    /** The configuration as checked, changed as far as {@code settings} allows. */
    static GcConfig forChecking(GcConfig config, int maxActions, Settings settings) {
        long heap = Math.clamp(256L * maxActions, 1L << 20, 64L << 20) & ~7L;
        // object ids in every mode: the identity invariant needs them
        GcConfig cfg = withCheckingOptions((settings.forceDebug() ? config.withDebug(true) : config).withObjectIds(true));
        if (settings.sizeHeap()) {
            return cfg.withHeapBytes(heap);
        }
        if (cfg.heapBytes() < heap) {
            throw new GcConfigException("heap: " + cfg.heapBytes() / 1024 + " KiB is smaller than the " + heap / 1024
                    + " KiB that programs of up to " + maxActions + " actions may need; give at least that much or "
                    + "leave the heap to the checker");
        }
        return cfg;
    }

    /**
     * The configuration with the {@link StrategyProvider#checkingOptions() checking options} of its
     * strategies added where it sets none (an incremental collector's one-object marking budget): the
     * configuration's own options win. Unknown strategy names are left for the runtime to refuse.
     */
    static GcConfig withCheckingOptions(GcConfig config) {
        StrategyCatalog catalog = StrategyCatalog.discover();
        Map<String, String> options = new LinkedHashMap<>();
        List<Map.Entry<Axis, String>> selected = new ArrayList<>();
        selected.add(Map.entry(Axis.COLLECTOR, config.collector()));
        config.roots().forEach(r -> selected.add(Map.entry(Axis.ROOTS, r)));
        selected.add(Map.entry(Axis.TAGS, config.tags()));
        selected.add(Map.entry(Axis.SAFEPOINTS, config.safepoints()));
        for (Map.Entry<Axis, String> s : selected) {
            try {
                catalog.require(s.getKey(), s.getValue()).checkingOptions().forEach(options::putIfAbsent);
            } catch (GcConfigException e) {
                // an unknown name: creating the runtime reports it
            }
        }
        options.putAll(config.options());
        return options.equals(config.options()) ? config : config.withOptions(options);
    }

    private static int headerWords(GcConfig cfg) {
        return HeaderLayout.headerWords(cfg.keepsObjectIds());
    }

    private static void requireAtLeastOne(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + n);
        }
    }

    /** "heap 1024 KiB, debug mode" or "..., release mode". */
    private static String mode(GcConfig cfg) {
        return "heap " + cfg.heapBytes() / 1024 + " KiB, " + (cfg.debug() ? "debug" : "release") + " mode";
    }

    private static String options(GcConfig cfg) {
        return cfg.options().isEmpty() ? "" : " " + new TreeMap<>(cfg.options());
    }

    private static String stress(GcConfig cfg) {
        return cfg.stress() == StressMode.OFF ? "" : ", stress " + cfg.stress() + " every " + cfg.stressInterval();
    }

    /** The violation's message, and for a runtime exception the head of its stack (and its causes'). */
    private static String explain(InvariantViolation v) {
        StringBuilder out = new StringBuilder(v.getMessage());
        Throwable cause = v.getCause();
        for (int depth = 0; cause != null && depth < 4; cause = cause.getCause(), depth++) {
            out.append(depth == 0 ? "\nthrown" : "\ncaused by " + cause);
            StackTraceElement[] trace = cause.getStackTrace();
            for (int i = 0; i < Math.min(6, trace.length); i++) {
                out.append("\n    at ").append(trace[i]);
            }
        }
        return out.toString();
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
