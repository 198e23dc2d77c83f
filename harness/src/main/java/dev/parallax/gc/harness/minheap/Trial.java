package dev.parallax.gc.harness.minheap;

/**
 * One run of a workload on a fresh heap of a given size, for {@link HeapSearch}: it either runs to
 * the end (and passes the workload's own check) or runs out of memory. Any other failure is thrown,
 * never returned: it says nothing about the heap's size.
 */
@FunctionalInterface
public interface Trial {
    /**
     * Runs the workload on a fresh runtime whose heap is {@code heapBytes}.
     *
     * @return {@link Outcome#ran} or {@link Outcome#exhausted}
     * @throws RuntimeException for any failure other than running out of memory (a lost object, a
     *                          corrupted heap, a configuration the runtime refuses)
     */
    Outcome run(long heapBytes);

    /**
     * How a trial ended.
     *
     * @param heapBytes   the heap it ran on
     * @param ran         whether the workload ran to the end; false: the heap was exhausted
     * @param collections the collections it took (until the heap was exhausted, when it was)
     * @param seconds     how long the trial took, runtime start and close included
     * @param exhausted   the out-of-memory message, or null when it ran
     */
    record Outcome(long heapBytes, boolean ran, long collections, double seconds, String exhausted) {
        public static Outcome ran(long heapBytes, long collections, double seconds) {
            return new Outcome(heapBytes, true, collections, seconds, null);
        }

        public static Outcome exhausted(long heapBytes, long collections, double seconds, String message) {
            return new Outcome(heapBytes, false, collections, seconds, message);
        }
    }
}
