package dev.parallax.gc.properties;

import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

import java.util.List;
import java.util.function.Consumer;

import static org.quicktheories.QuickTheory.qt;

/**
 * Runs a QuickTheories search and keeps its verdict as data instead of an {@link AssertionError}:
 * our own {@link Reporter} receives the shrunk smallest value and its cause directly (QuickTheories'
 * default reporter would flatten them into the error's text).
 *
 * @param <T> the generated value (a program, or a set of programs)
 */
final class Search<T> implements Reporter {
    /**
     * QuickTheories skips a generated value equal to one it already ran (the simplest program is
     * generated more than once), so it is asked for this many extra values; runs past the number
     * asked for are skipped, so that exactly that many distinct values run.
     */
    static final int SPARE_EXAMPLES = 16;

    private int target;
    private int tried;
    private boolean failed;
    private T smallest;
    private Throwable cause;

    /** Runs {@code property} on up to {@code examples} values from {@code gen}; it fails by throwing. */
    static <T> Search<T> run(Gen<T> gen, long seed, int examples, int shrinkCycles, Consumer<T> property) {
        if (examples < 1) {
            throw new IllegalArgumentException("at least one example must run, not " + examples);
        }
        Search<T> search = new Search<>();
        search.target = examples;
        qt().withFixedSeed(seed).withExamples(examples + SPARE_EXAMPLES).withShrinkCycles(shrinkCycles)
                .withReporter(search)
                .forAll(gen)
                .checkAssert(value -> search.attempt(value, property));
        return search;
    }

    private void attempt(T value, Consumer<T> property) {
        if (!failed) {
            if (tried == target) {
                return; // a spare value: the values asked for have all run
            }
            tried++;
        }
        try {
            property.accept(value);
        } catch (Throwable t) {
            failed = true;
            throw t;
        }
    }

    /**
     * Values run before the first failure (inclusive), or all of them when none failed: the number
     * asked for, unless the generator ran out of distinct values.
     */
    int tried() {
        return tried;
    }

    boolean failed() {
        return failed;
    }

    /** The smallest failing value QuickTheories' shrinking found. */
    T smallest() {
        return smallest;
    }

    /** What the smallest value threw. */
    Throwable cause() {
        return cause;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void falisification(long seed, int count, Object smallest, Throwable cause, List<Object> examples,
                               AsString<Object> toString) {
        this.smallest = (T) smallest;
        this.cause = cause;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void falisification(long seed, int count, Object smallest, List<Object> examples,
                               AsString<Object> toString) {
        this.smallest = (T) smallest;
        this.cause = new AssertionError("property returned false");
    }

    @Override
    public void valuesExhausted(int completedExamples) {
        // no assumptions are used, so generation never runs out
    }
}
