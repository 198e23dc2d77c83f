package dev.parallax.gc.properties.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a check exercised: programs and actions run, how often each invariant was checked, the
 * pauses the programs caused (by reason: {@code requested}, {@code step}, {@code increment},
 * {@code allocation failure}, {@code stress}) and the collector's own counters summed over the
 * runtimes (e.g. the incremental collector's {@code cycles} and {@code increments}). So that a
 * passing check also shows that it tested something.
 *
 * @param programs         programs run (shrinking runs excluded)
 * @param actions          actions executed (not skipped), compound actions counted once
 * @param invariantChecks  checks made, by invariant label
 * @param pausesByReason   pauses (full collections and increments), by reason
 * @param collectorCounters the collector's counters, summed over every runtime
 */
public record Coverage(int programs, long actions, Map<String, Long> invariantChecks, Map<String, Long> pausesByReason,
                       Map<String, Long> collectorCounters) {
    public static final Coverage NONE = new Coverage(0, 0, Map.of(), Map.of(), Map.of());

    public Coverage {
        invariantChecks = Map.copyOf(invariantChecks);
        pausesByReason = Map.copyOf(pausesByReason);
        collectorCounters = Map.copyOf(collectorCounters);
    }

    /** Every pause, full collections and increments together. */
    public long pauses() {
        return pausesByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How often {@code invariant} was checked. */
    public long checks(Invariant invariant) {
        return invariantChecks.getOrDefault(invariant.label(), 0L);
    }

    /** Three lines: the invariants checked, the pauses, the collector's counters. */
    public String render() {
        return "invariants:     " + join(invariantChecks, " x") + "\n"
                + "pauses:         " + pauses() + (pausesByReason.isEmpty() ? "" : " (" + join(pausesByReason, " ") + ")")
                + " in " + programs + " programs of " + actions + " actions\n"
                + "collector:      " + (collectorCounters.isEmpty() ? "no counters" : join(collectorCounters, "=")) + "\n";
    }

    private static String join(Map<String, Long> counts, String separator) {
        return new TreeMap<>(counts).entrySet().stream()
                .map(e -> e.getKey() + separator + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The mutable counter behind a coverage; thread-safe (pauses are counted on the collecting thread). */
    public static final class Tally {
        private int programs;
        private long actions;
        private final Map<String, Long> checks = new TreeMap<>();
        private final Map<String, Long> pauses = new TreeMap<>();
        private final Map<String, Long> counters = new TreeMap<>();

        public synchronized void program() {
            programs++;
        }

        public synchronized void action() {
            actions++;
        }

        public synchronized void checked(Invariant invariant) {
            checks.merge(invariant.label(), 1L, Long::sum);
        }

        public synchronized void pause(String reason) {
            pauses.merge(reason, 1L, Long::sum);
        }

        public synchronized void collectorCounters(Map<String, Long> values) {
            values.forEach((k, v) -> counters.merge(k, v, Long::sum));
        }

        /** Adds everything {@code other} counted. */
        public void addAll(Tally other) {
            Coverage c = other.snapshot();
            synchronized (this) {
                programs += c.programs();
                actions += c.actions();
                c.invariantChecks().forEach((k, v) -> checks.merge(k, v, Long::sum));
                c.pausesByReason().forEach((k, v) -> pauses.merge(k, v, Long::sum));
                c.collectorCounters().forEach((k, v) -> counters.merge(k, v, Long::sum));
            }
        }

        public synchronized Coverage snapshot() {
            return new Coverage(programs, actions, checks, pauses, counters);
        }
    }
}
