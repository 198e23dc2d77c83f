package dev.parallax.gc.api;

/**
 * Strategies that each work but not together, such as a root source that reports pinning roots
 * beside a collector that moves objects and cannot pin them. A command that runs every combination
 * by default skips such a pairing with a note; one the user named is refused.
 */
public class GcPairingException extends GcConfigException {
    public GcPairingException(String message) {
        super(message);
    }
}
