package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.collectors.incremental.IncrementalCollector;

/**
 * The incremental collector with one classic incremental-marking bug seeded in, for the checks that
 * must catch it (issue 8): everything is delegated to the shipped collector except the one thing the
 * bug breaks.
 */
public final class SeededIncrementalBug extends DelegatingCollector {
    /** The bugs. */
    public enum Bug {
        /** The SATB barrier does not log the overwritten reference when the new value is null. */
        NULL_STORE_UNLOGGED("incremental-null-store-unlogged",
                "the SATB barrier skips stores of null, so deleting the last path to an object is not logged"),
        /** New objects are allocated white during marking instead of black. */
        WHITE_ALLOCATION("incremental-white-allocation",
                "objects allocated while a cycle marks are white, so an object held only by a stack is swept");

        final String strategyName;
        final String description;

        Bug(String strategyName, String description) {
            this.strategyName = strategyName;
            this.description = description;
        }
    }

    private final Bug bug;

    public SeededIncrementalBug(Bug bug, IncrementalCollector real) {
        super(real);
        this.bug = bug;
    }

    @Override
    public String name() {
        return bug.strategyName;
    }

    @Override
    public WriteBarrier writeBarrier() {
        WriteBarrier barrier = delegate.writeBarrier();
        if (bug != Bug.NULL_STORE_UNLOGGED || barrier == null) {
            return barrier;
        }
        return (object, field, oldValue, newValue) -> {
            if (newValue != 0) {
                barrier.onReferenceStore(object, field, oldValue, newValue);
            }
        };
    }

    @Override
    public long allocationHeaderBits() {
        return bug == Bug.WHITE_ALLOCATION ? 0 : delegate.allocationHeaderBits();
    }
}
