package dev.parallax.gc.harness.minheap;

import java.util.Locale;

/**
 * What a {@link HeapSearch} found for one configuration.
 *
 * @param minBytes           the smallest heap in which the workload ran; -1 when none did (up to the
 *                           maximum) or the search stopped at an error
 * @param largestFailedBytes the largest heap tried in which it ran out of memory; -1 when none did
 * @param granularity        the search's step: the minimum is exact to within this
 * @param trials             the trials run
 * @param collectionsAtMin   the collections of the trial at the minimum; -1 without one
 * @param seconds            the search's duration
 * @param error              the failure that stopped the search (not an out-of-memory), or null
 */
public record MinHeap(long minBytes, long largestFailedBytes, long granularity, int trials, long collectionsAtMin,
                      double seconds, Failure error) {

    /**
     * A trial that failed otherwise than by running out of memory: a bug or a refusal, never a heap
     * too small.
     *
     * @param heapBytes the heap of the trial
     * @param cause     what it threw
     */
    public record Failure(long heapBytes, Throwable cause) {
        /** "trial at 2 MiB: java.lang.IllegalStateException: ..." (the first line of the exception's message). */
        public String describe() {
            String text = cause.toString();
            int newline = text.indexOf('\n');
            return "trial at " + size(heapBytes) + ": " + (newline < 0 ? text : text.substring(0, newline));
        }
    }

    /** Whether a minimum was found. */
    public boolean found() {
        return minBytes > 0;
    }

    /**
     * A heap size for people: "608 KiB" below 1 MiB, else MiB with at most two decimals
     * ("22 MiB", "22.25 MiB"); "-" for a negative size.
     */
    public static String size(long bytes) {
        if (bytes < 0) {
            return "-";
        }
        if (bytes < 1 << 20) {
            return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
        }
        String mib = String.format(Locale.ROOT, "%.2f", bytes / (double) (1 << 20));
        return mib.replaceAll("0+$", "").replaceAll("\\.$", "") + " MiB";
    }
}
