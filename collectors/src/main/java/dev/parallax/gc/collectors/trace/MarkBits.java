package dev.parallax.gc.collectors.trace;

/**
 * Where a tracing collector keeps "this object is marked": in the object's header
 * ({@link HeaderMarkBits}) or in a side bitmap beside the heap ({@link MarkBitmap}).
 *
 * <p>Trade-off (measured with {@code ./parallax jmh MarkSweep}, README): header bits cost marking
 * nothing extra (the header is read to scan the object anyway) but a sweep must visit every cell to
 * find and clear them; a bitmap costs a second cache line per mark but lets a sweep jump from live
 * object to live object and clears in bulk.
 *
 * <p>Contract: called with the world stopped, by one thread, only with valid object starts.
 * Allocation-free; {@link #testAndMark} is on the marking hot path.
 */
public interface MarkBits {
    /** Marks {@code object}; true if it was unmarked (the caller is the one that marked it). */
    boolean testAndMark(long object);

    boolean isMarked(long object);

    /** Unmarks every object. Cost: header bits none (the sweep clears them), a bitmap one fill. */
    void clearAll();
}
