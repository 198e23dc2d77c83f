package dev.parallax.gc.properties;

/**
 * How the concurrent property interleaves its threads.
 *
 * @param kind  {@code random}: the deterministic scheduler with a schedule generated from the seed and
 *              shrunk with the programs (the default); {@code round-robin}: the deterministic scheduler,
 *              each participant in turn for {@code every} steps; {@code free}: the threads run as the JVM
 *              schedules them (interleavings vary between runs)
 * @param every steps per turn for {@code round-robin}; 1 otherwise
 */
public record Scheduling(String kind, int every) {
    /** The default: deterministic, a random schedule drawn from the seed. */
    public static final Scheduling RANDOM = new Scheduling("random", 1);
    /** Free-running threads, as before issue 8. */
    public static final Scheduling FREE_RUNNING = new Scheduling("free", 1);

    public Scheduling {
        if (!kind.equals("random") && !kind.equals("round-robin") && !kind.equals("free")) {
            throw new IllegalArgumentException("scheduling '" + kind + "' is not random, round-robin:N or free");
        }
        if (every < 1) {
            throw new IllegalArgumentException("round-robin takes at least 1 step per turn, not " + every);
        }
    }

    /** Deterministic round-robin, {@code every} steps per participant and turn. */
    public static Scheduling roundRobin(int every) {
        return new Scheduling("round-robin", every);
    }

    /**
     * {@code random}, {@code free} or {@code round-robin:N}, as the command line gives it.
     *
     * @throws IllegalArgumentException naming the valid forms
     */
    public static Scheduling parse(String text) {
        if (text.equals("random")) {
            return RANDOM;
        }
        if (text.equals("free")) {
            return FREE_RUNNING;
        }
        if (text.startsWith("round-robin:")) {
            try {
                return roundRobin(Integer.parseInt(text.substring("round-robin:".length())));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("schedule '" + text + "' is not random, free or round-robin:N (N >= 1)");
    }

    /** Whether one thread runs at a time, as a schedule says (random or round-robin). */
    public boolean deterministic() {
        return !kind.equals("free");
    }

    @Override
    public String toString() {
        return kind.equals("round-robin") ? "round-robin:" + every : kind;
    }
}
