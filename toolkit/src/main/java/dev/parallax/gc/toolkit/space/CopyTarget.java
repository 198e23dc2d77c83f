package dev.parallax.gc.toolkit.space;

/**
 * Where a moving space copies its survivors during a collection: its own fresh blocks (a
 * semispace), the mature space (a nursery), an Immix space's free blocks (evacuation). Called by the
 * tracing thread only.
 */
@FunctionalInterface
public interface CopyTarget {
    /** {@code bytes} of memory for a copy (not zeroed; the caller copies the whole object), or 0 when none is left. */
    long allocateCopy(long bytes);
}
