package dev.parallax.gc.harness.retention;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.harness.retention.RetentionOutcome.Failed;
import dev.parallax.gc.harness.retention.RetentionOutcome.Measured;
import dev.parallax.gc.harness.retention.RetentionOutcome.Unavailable;
import dev.parallax.gc.harness.retention.RetentionOutcome.Unsafe;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.StrategyCatalog;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The false-retention experiment (design report §8.2, conservative scanning): for each tag scheme,
 * one precise reference run, then every word class under conservative roots with tag-aware and
 * naive decoding, each compared with the reference.
 */
public final class RetentionExperiment {
    /** One cell: what ran and how it ended; {@code reference} is the precise run it is compared with. */
    public record Cell(String tags, RootMode mode, WordClass words, RetentionOutcome outcome, RetentionRun reference) {
    }

    private final BiFunction<String, RootMode, GcConfig> configs;
    private final RetentionParams params;
    private final long seed;
    private final int runs;
    private final PrintWriter progress;
    private Consumer<GcRuntime> observer = runtime -> { };
    private final StrategyCatalog catalog = StrategyCatalog.discover();

    /**
     * @param configs  the runtime configuration for a tag scheme and root mode
     * @param params   the workload's size
     * @param seed     the seed of the stack words
     * @param runs     runs per cell (&ge; 1), each on a fresh runtime; their pauses are pooled
     * @param progress where a line per cell goes
     */
    public RetentionExperiment(BiFunction<String, RootMode, GcConfig> configs, RetentionParams params, long seed,
                               int runs, PrintWriter progress) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs per cell must be at least 1, not " + runs);
        }
        this.configs = configs;
        this.params = params;
        this.seed = seed;
        this.runs = runs;
        this.progress = progress;
    }

    /** Hands every runtime the experiment creates to {@code observer} first (e.g. a GC log attaches to it). */
    public void observeRuntimes(Consumer<GcRuntime> observer) {
        this.observer = observer;
    }

    /**
     * Runs every cell: per tag scheme an untimed warm-up, the precise reference, then each word
     * class conservatively.
     *
     * @throws RuntimeException when a precise reference run fails (nothing can be compared then)
     */
    public List<Cell> run(List<String> tagSchemes, List<WordClass> words) {
        List<Cell> cells = new ArrayList<>();
        for (String tags : tagSchemes) {
            referenceRun(tags, 1, "warm-up"); // the JIT compiles this scheme's paths before anything is timed
            RetentionRun reference = referenceRun(tags, runs, "reference");
            cells.add(new Cell(tags, RootMode.PRECISE, null, new Measured(reference), reference));
            for (WordClass w : words) {
                for (RootMode mode : List.of(RootMode.CONSERVATIVE_TAGS, RootMode.CONSERVATIVE_NAIVE)) {
                    cells.add(new Cell(tags, mode, w, timed(tags, mode, w, reference), reference));
                }
            }
        }
        return cells;
    }

    private RetentionRun referenceRun(String tags, int count, String what) {
        long start = System.nanoTime();
        List<List<CollectionRecord>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (GcRuntimeImpl runtime = GcRuntimes.create(configs.apply(tags, RootMode.PRECISE), catalog)) {
                observer.accept(runtime);
                records.add(new RetentionWorkload(runtime, params).run(WordClass.HEAP_ALIGNED, seed));
            }
        }
        report(tags, RootMode.PRECISE, "any", start, what);
        return RetentionRun.of(records);
    }

    private RetentionOutcome timed(String tags, RootMode mode, WordClass words, RetentionRun reference) {
        long start = System.nanoTime();
        RetentionOutcome outcome = conservativeRuns(tags, mode, words, reference);
        report(tags, mode, words.label(), start, outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        return outcome;
    }

    /** The cell's runs, each compared with the reference; the first that loses objects decides the outcome. */
    private RetentionOutcome conservativeRuns(String tags, RootMode mode, WordClass words, RetentionRun reference) {
        List<List<CollectionRecord>> records = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            RetentionOutcome failed = conservativeRun(tags, mode, words, reference, records);
            if (failed != null) {
                return failed;
            }
        }
        return new Measured(RetentionRun.of(records));
    }

    /**
     * One conservative run on a fresh runtime, its collections appended to {@code records}; null when it
     * kept the live graph, else the outcome: Unsafe where the loss is expected, Failed elsewhere.
     */
    private RetentionOutcome conservativeRun(String tags, RootMode mode, WordClass words, RetentionRun reference,
                                             List<List<CollectionRecord>> records) {
        GcRuntimeImpl runtime;
        try {
            runtime = GcRuntimes.create(configs.apply(tags, mode), catalog);
        } catch (GcConfigException e) {
            return new Unavailable(e.getMessage());
        }
        observer.accept(runtime);
        boolean lossExpected = mode == RootMode.CONSERVATIVE_NAIVE && naiveMissesPointers(runtime);
        List<CollectionRecord> run;
        try (runtime) {
            run = new RetentionWorkload(runtime, params).run(words, seed);
        } catch (RuntimeException e) {
            return lossExpected ? new Unsafe(firstLine(e)) : new Failed(e);
        }
        String lost = lostAgainst(RetentionRun.of(List.of(run)), reference);
        if (lost != null) {
            return lossExpected ? new Unsafe(lost) : new Failed(new LiveObjectsLost(lost));
        }
        records.add(run);
        return null;
    }

    /** Whether a raw word equal to a heap address is not that address's pointer word in this tag scheme. */
    private static boolean naiveMissesPointers(GcRuntimeImpl runtime) {
        long address = runtime.objects().base();
        return runtime.tags().tagPointer(address) != address;
    }

    /** Why {@code run} kept less than the reference, or null when it kept at least as much. */
    static String lostAgainst(RetentionRun run, RetentionRun reference) {
        if (run.liveObjects() >= 0 && reference.liveObjects() >= 0 && run.liveObjects() < reference.liveObjects()) {
            return "the final collection kept " + run.liveObjects() + " objects, the precise run "
                    + reference.liveObjects();
        }
        if (run.liveBytes() < reference.liveBytes()) {
            return "the final collection kept " + run.liveBytes() + " bytes, the precise run " + reference.liveBytes();
        }
        return null;
    }

    private static String firstLine(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (nl < 0 ? message : message.substring(0, nl));
    }

    private void report(String tags, RootMode mode, String words, long start, String how) {
        progress.printf("retention: %s / %s / %s: %s in %.1f s%n", tags, mode.label(), words, how,
                (System.nanoTime() - start) / 1e9);
        progress.flush();
    }
}
