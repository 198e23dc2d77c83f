package dev.parallax.gc.collectors.generational;

/**
 * How many bytes the mutators may allocate in the nursery before the next minor collection (the
 * nursery budget). Fixed at the configured share of the heap, or, with a pause goal
 * ({@code generational.pause-goal-ms}), sized so that a minor collection stays within the goal even
 * if everything in the nursery survives, the way a pause-time goal sizes the young generation in
 * HotSpot's G1, but for the worst case rather than the predicted survival rate: GCBench's trees
 * survive whole nurseries at times, and a goal on the longest pause must hold for those.
 *
 * <p>The model: a minor pause takes {@code fixed + rate * copiedBytes}. After each minor collection
 * the sizer updates one of the two: {@code rate} from collections that copied at least
 * {@link #MIN_SAMPLE_BYTES} (each sample clamped to within {@link #MAX_SAMPLE_RATIO} of the average,
 * so that one pause the OS stretched does not collapse the nursery), {@code fixed} from the ones
 * that copied less; both as moving averages, the rate also with its mean deviation (as TCP estimates
 * a round-trip time). It plans with a pessimistic rate, the average plus {@link #DEVIATIONS} mean
 * deviations, and sets the budget to {@code (HEADROOM * goal - fixed) / pessimistic rate}, between
 * {@link #MIN_BUDGET_BYTES} and the configured share. It starts from {@link #PRIOR_NANOS_PER_BYTE}
 * and forgets the first pauses' cold code within a few dozen collections.
 *
 * <p>What it cannot bound: a pause the operating system stretches (a GC thread descheduled), and
 * survivors of the nursery that a minor collection scans but does not copy (the remembered set,
 * objects left in place); both enter the moving averages and shrink the budget after the fact. A
 * smaller nursery means more minor collections and more objects promoted before they die, so the
 * goal costs throughput (the README's results give the price on GCBench). With conservative roots
 * it costs far more: objects they pin stay in the nursery, and kept blocks beyond half the budget
 * force full collections (GCBench: 2.1-2.3 s a body with the goal, 0.4 s without).
 *
 * <p>Cost: a few floating-point operations per minor collection. Updated by the collecting thread in
 * a pause; mutators read {@link #budget} (a volatile field) on their refill path.
 */
final class NurserySizer {
    /** The budget never drops below four copy blocks (nor rises above the configured share, even if that is less). */
    static final long MIN_BUDGET_BYTES = 128 << 10;
    /** A pause that copied fewer bytes says more about the fixed cost than the copy rate. */
    static final long MIN_SAMPLE_BYTES = 16 << 10;
    /** A rate sample counts as at most this many times the average, and at least its inverse. */
    static final double MAX_SAMPLE_RATIO = 4;
    /**
     * The share of the goal the model plans to use: room for the estimate's error, for the parts of
     * a pause the collector does not time (stopping and restarting the mutators), and for the one
     * collection in a thousand the machine slows. On this VM 0.8 kept the longest GCBench minor
     * under 2 ms in a quiet sitting but missed by up to a quarter in a noisy one; 0.65 held in both.
     */
    static final double HEADROOM = 0.65;
    /** The copy rate assumed before the first sample: about 40 ns a 40-byte object, slower than this VM measured. */
    static final double PRIOR_NANOS_PER_BYTE = 1.0;
    /** Mean deviations of the copy rate added to its average: the plan is for a slow collection, not a typical one. */
    static final double DEVIATIONS = 2;
    /** Weight of the newest sample in the moving averages. */
    private static final double ALPHA = 0.1;

    private final long maxBudget;
    private final long goalNanos;
    private double nanosPerByte = PRIOR_NANOS_PER_BYTE;
    private double nanosPerByteDeviation;
    private double fixedNanos;
    private volatile long budget;

    /** A fixed budget of {@code maxBudget} when {@code goalNanos} is 0; else one sized for the goal, at most {@code maxBudget}. */
    NurserySizer(long maxBudget, long goalNanos) {
        this.maxBudget = maxBudget;
        this.goalNanos = goalNanos;
        this.budget = goalNanos == 0 ? maxBudget : plan();
    }

    /** The nursery bytes the mutators may fill before the next minor collection. */
    long budget() {
        return budget;
    }

    /** The budget the goal allows under the current model, within the bounds. */
    private long plan() {
        double bytes = (HEADROOM * goalNanos - fixedNanos) / (nanosPerByte + DEVIATIONS * nanosPerByteDeviation);
        return Math.min(maxBudget, Math.max(MIN_BUDGET_BYTES, (long) bytes));
    }

    /** A minor collection copied {@code copiedBytes} out of the nursery in a pause of {@code pauseNanos}: the model learns, the budget follows. */
    void minorDone(long copiedBytes, long pauseNanos) {
        if (goalNanos == 0) {
            return;
        }
        if (copiedBytes >= MIN_SAMPLE_BYTES) {
            double rate = Math.max(0, pauseNanos - fixedNanos) / copiedBytes;
            rate = Math.max(nanosPerByte / MAX_SAMPLE_RATIO, Math.min(nanosPerByte * MAX_SAMPLE_RATIO, rate));
            nanosPerByteDeviation += ALPHA * (Math.abs(rate - nanosPerByte) - nanosPerByteDeviation);
            nanosPerByte += ALPHA * (rate - nanosPerByte);
        } else {
            double fixed = Math.max(0, pauseNanos - nanosPerByte * copiedBytes);
            fixedNanos += ALPHA * (fixed - fixedNanos);
        }
        budget = plan();
    }
}
