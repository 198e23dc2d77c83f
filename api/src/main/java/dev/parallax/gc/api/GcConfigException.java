package dev.parallax.gc.api;

/**
 * A configuration cannot be used: an unknown strategy name (the message lists the valid ones), an
 * impossible combination (it says which constraint fails), a malformed value or config file (it
 * names the key, the value and the file line). Raised at start-up, before any memory is reserved.
 */
public class GcConfigException extends RuntimeException {
    public GcConfigException(String message) {
        super(message);
    }

    public GcConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
