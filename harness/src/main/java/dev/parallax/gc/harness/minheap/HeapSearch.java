package dev.parallax.gc.harness.minheap;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Finds the smallest heap in which a workload runs, to within a granularity: it tries a start heap,
 * doubles it until the workload runs (up to a maximum), then halves the interval between the largest
 * heap that ran out of memory and the smallest that ran until the two are one granularity apart.
 * Every heap tried is a multiple of the granularity. A trial that fails otherwise than by running
 * out of memory stops the search: the result carries that error and no minimum.
 *
 * <p>Binary search assumes that a heap larger than one that ran also runs. That holds for the live
 * data; where fragmentation or the timing of collections makes it false near the edge, the
 * minimum is still a heap that ran, and the failure below it is reported beside it.
 *
 * <p>Cost: one trial for the start, one per doubling, then log2(interval / granularity) trials.
 */
public final class HeapSearch {
    /** The smallest heap a runtime accepts. */
    public static final long SMALLEST_HEAP = 64 * 1024;
    /** The granularity must be whole 4 KiB pages, the unit in which collectors built on pages split the heap. */
    public static final long PAGE_BYTES = 4096;

    private final long granularity;
    private final long start;
    private final long max;

    /**
     * @param granularity the step, a positive multiple of {@value #PAGE_BYTES}
     * @param start       the first heap tried (rounded up to the granularity, at least {@link #floor})
     * @param max         the largest heap tried (rounded down to the granularity, at least {@link #floor})
     */
    public HeapSearch(long granularity, long start, long max) {
        if (granularity <= 0 || granularity % PAGE_BYTES != 0) {
            throw new IllegalArgumentException("the granularity must be a positive multiple of " + PAGE_BYTES
                    + " bytes, not " + granularity);
        }
        this.granularity = granularity;
        this.max = max / granularity * granularity;
        if (!fits(granularity, max)) {
            throw new IllegalArgumentException("the largest heap (" + max + " bytes) is below the smallest one tried ("
                    + floor() + " bytes) with a granularity of " + granularity + " bytes");
        }
        this.start = Math.min(this.max, Math.max(floor(), roundUp(start)));
    }

    public long granularity() {
        return granularity;
    }

    /** The first heap tried. */
    public long start() {
        return start;
    }

    public long max() {
        return max;
    }

    /** The smallest heap tried: the runtime's smallest heap, rounded up to the granularity. */
    public long floor() {
        return floor(granularity);
    }

    /** The smallest heap tried with {@code granularity}: the runtime's smallest heap, rounded up to it. */
    public static long floor(long granularity) {
        return (SMALLEST_HEAP + granularity - 1) / granularity * granularity;
    }

    /** Whether a search with {@code granularity} can try a heap of at most {@code max} bytes. */
    public static boolean fits(long granularity, long max) {
        return max / granularity * granularity >= floor(granularity);
    }

    /**
     * Searches with {@code trial}, telling {@code progress} a line per trial.
     *
     * @return the minimum and the largest failure, or how the search stopped
     */
    public MinHeap search(Trial trial, Consumer<String> progress) {
        long began = System.nanoTime();
        Search s = new Search(trial, progress);
        long heap = start;
        while (true) {
            Trial.Outcome outcome = s.attempt(heap);
            if (outcome == null) {
                return s.result(began);
            }
            if (outcome.ran()) {
                break;
            }
            if (heap >= max) {
                return s.result(began); // did not run even in the largest heap
            }
            heap = Math.min(max, heap * 2);
        }
        // below: the largest heap known to fail, or 0 (no workload runs without a heap)
        long below = Math.max(0, s.failed);
        while (s.ran - below > granularity) {
            long mid = Math.max(floor(), below + (s.ran - below) / granularity / 2 * granularity);
            if (mid >= s.ran) {
                break; // it ran in the smallest heap tried
            }
            Trial.Outcome outcome = s.attempt(mid);
            if (outcome == null) {
                return s.result(began);
            }
            if (!outcome.ran()) {
                below = mid;
            }
        }
        return s.result(began);
    }

    private long roundUp(long bytes) {
        return (bytes + granularity - 1) / granularity * granularity;
    }

    /** The state of one search: the bounds found so far, the trials run, the error that stopped it. */
    private final class Search {
        private final Trial trial;
        private final Consumer<String> progress;
        long ran = -1;
        long failed = -1;
        long collectionsAtMin = -1;
        int trials;
        MinHeap.Failure error;

        Search(Trial trial, Consumer<String> progress) {
            this.trial = trial;
            this.progress = progress;
        }

        /** Runs a trial and updates the bounds; null when it failed otherwise than by running out of memory. */
        Trial.Outcome attempt(long heap) {
            trials++;
            Trial.Outcome outcome;
            try {
                outcome = trial.run(heap);
            } catch (RuntimeException | Error e) { // a bug or a refusal, whatever it is: never "too small"
                error = new MinHeap.Failure(heap, e);
                progress.accept("trial " + trials + ": " + MinHeap.size(heap) + " failed: " + e);
                return null;
            }
            if (outcome.ran()) {
                ran = heap;
                collectionsAtMin = outcome.collections();
            } else {
                failed = Math.max(failed, heap);
            }
            progress.accept(String.format(Locale.ROOT, "trial %d: %s %s (%,d GC%s, %.1f s); minimum %s", trials,
                    MinHeap.size(heap), outcome.ran() ? "ran" : "ran out of memory", outcome.collections(),
                    outcome.collections() == 1 ? "" : "s",
                    outcome.seconds(), ran < 0 ? "above " + MinHeap.size(failed)
                            : "in (" + (failed < 0 ? "0" : MinHeap.size(failed)) + ", " + MinHeap.size(ran) + "]"));
            return outcome;
        }

        MinHeap result(long began) {
            double seconds = (System.nanoTime() - began) / 1e9;
            return new MinHeap(error == null ? ran : -1, failed, granularity, trials,
                    error == null ? collectionsAtMin : -1, seconds, error);
        }
    }
}
