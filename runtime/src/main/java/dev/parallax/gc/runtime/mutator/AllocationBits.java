package dev.parallax.gc.runtime.mutator;

/**
 * The collector's allocation header bits ({@code Collector.allocationHeaderBits()}), published by
 * the pause that changed them, so that the allocation fast path reads a field instead of calling
 * the collector (a call site that turns megamorphic once several collectors run in one JVM).
 * The collector changes the bits only inside a pause; the pause publishes them before release.
 */
public final class AllocationBits {
    private volatile long bits;

    public AllocationBits(long initial) {
        this.bits = initial;
    }

    /** Called by the collecting thread at the end of every pause, before the mutators resume. */
    public void publish(long current) {
        bits = current;
    }

    /** The bits every new object's status word carries now. */
    public long current() {
        return bits;
    }
}
