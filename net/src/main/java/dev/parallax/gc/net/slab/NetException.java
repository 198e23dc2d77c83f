package dev.parallax.gc.net.slab;

/** A net that cannot be reduced as asked: a full slab, a rule meeting a value it cannot use, misuse of the API. */
public final class NetException extends RuntimeException {
    public NetException(String message) {
        super(message);
    }

    public NetException(String message, Throwable cause) {
        super(message, cause);
    }
}
