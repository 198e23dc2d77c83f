package dev.parallax.gc.properties.run;

/**
 * A runtime broke an {@link Invariant} while running a program. The message says which invariant,
 * when (after which action), where (slot, global, object path) and expected versus actual.
 * An {@link AssertionError}, so that test frameworks and QuickTheories treat it as a falsification.
 */
public final class InvariantViolation extends AssertionError {
    /** What the debug runtime says when a mutator touches the heap while a collection runs. */
    private static final String ISOLATION_MARK = "during collection";

    private final Invariant invariant;
    private final String detail;

    public InvariantViolation(Invariant invariant, String detail) {
        super("[" + invariant.label() + "] " + detail);
        this.invariant = invariant;
        this.detail = detail;
    }

    public InvariantViolation(Invariant invariant, String detail, Throwable cause) {
        this(invariant, detail);
        initCause(cause);
    }

    /**
     * The violation an exception thrown by the runtime stands for: {@link Invariant#MUTATOR_ISOLATION}
     * when the runtime refused a heap access during a collection, else {@code otherwise}.
     */
    public static InvariantViolation fromRuntime(Invariant otherwise, String detail, RuntimeException e) {
        boolean isolation = String.valueOf(e.getMessage()).contains(ISOLATION_MARK);
        return new InvariantViolation(isolation ? Invariant.MUTATOR_ISOLATION : otherwise, detail + e, e);
    }

    public Invariant invariant() {
        return invariant;
    }

    /** The message without the invariant label. */
    public String detail() {
        return detail;
    }

    /** The same violation with {@code context} ("thread t1") in front of its detail. */
    public InvariantViolation within(String context) {
        InvariantViolation v = new InvariantViolation(invariant, context + ": " + detail, getCause());
        v.setStackTrace(getStackTrace());
        return v;
    }
}
