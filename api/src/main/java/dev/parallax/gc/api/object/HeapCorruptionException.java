package dev.parallax.gc.api.object;

/**
 * A heap invariant does not hold: a reference to something that is not an object start, a header
 * with an impossible kind or length, a reachable object in free memory. The message names the
 * object (id, address, kind) and the slot or root that led to it. This is how a GC bug surfaces.
 */
public class HeapCorruptionException extends RuntimeException {
    public HeapCorruptionException(String message) {
        super(message);
    }
}
