package dev.parallax.gc.api;

import java.util.List;

/**
 * A collection gave up because some mutators did not reach a safepoint within the configured time
 * (config key {@code safepoint-timeout}). Thrown to whoever asked for the collection: a mutator's
 * {@code collect}, an allocation that needed a collection, or a control thread's {@code collectNow}.
 * Nothing was collected; the mutators were released and the runtime stays usable. The message names
 * each mutator that did not stop, its thread, its state, where it last reached a safepoint and where
 * its thread is now.
 */
public class SafepointTimeoutException extends RuntimeException {
    private final List<String> laggards;
    private final long timeoutMillis;

    public SafepointTimeoutException(String message, List<String> laggards, long timeoutMillis) {
        super(message);
        this.laggards = List.copyOf(laggards);
        this.timeoutMillis = timeoutMillis;
    }

    /** The names of the mutators that did not reach a safepoint in time. */
    public List<String> laggards() {
        return laggards;
    }

    /** The timeout that passed, in milliseconds. */
    public long timeoutMillis() {
        return timeoutMillis;
    }
}
