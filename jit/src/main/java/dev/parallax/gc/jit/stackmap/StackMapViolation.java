package dev.parallax.gc.jit.stackmap;

/**
 * The stack-map cross-check found a frame slot holding a heap reference that its safepoint's stack
 * map omits (the collector would neither keep the object alive nor update the slot if it moved), or
 * a slot the map lists holding something that is not a reference.
 */
public final class StackMapViolation extends RuntimeException {
    public StackMapViolation(String message) {
        super(message);
    }
}
