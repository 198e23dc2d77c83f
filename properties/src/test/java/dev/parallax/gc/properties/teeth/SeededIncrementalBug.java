package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.collectors.incremental.IncrementalCollector;

import java.util.Map;

/**
 * The incremental collector with one classic incremental-marking bug seeded in, for the checks that
 * must catch it (issue 8): everything is delegated to the shipped collector except the one thing the
 * bug breaks.
 */
public final class SeededIncrementalBug implements Collector {
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
    private final IncrementalCollector real;

    public SeededIncrementalBug(Bug bug, IncrementalCollector real) {
        this.bug = bug;
        this.real = real;
    }

    @Override
    public String name() {
        return bug.strategyName;
    }

    @Override
    public CollectorConstraints constraints() {
        return real.constraints();
    }

    @Override
    public void initialize(ObjectModel objects, TagScheme tags) {
        real.initialize(objects, tags);
    }

    @Override
    public WriteBarrier writeBarrier() {
        WriteBarrier barrier = real.writeBarrier();
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
        return bug == Bug.WHITE_ALLOCATION ? 0 : real.allocationHeaderBits();
    }

    @Override
    public boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        return real.refill(buffer, minBytes, preferredBytes);
    }

    @Override
    public long allocateLarge(long bytes) {
        return real.allocateLarge(bytes);
    }

    @Override
    public void collect(CollectionScope scope) {
        real.collect(scope);
    }

    @Override
    public boolean isIncremental() {
        return real.isIncremental();
    }

    @Override
    public boolean incrementDue() {
        return real.incrementDue();
    }

    @Override
    public void collectIncrement(CollectionScope scope) {
        real.collectIncrement(scope);
    }

    @Override
    public HeapUsage usage() {
        return real.usage();
    }

    @Override
    public long liveObjects() {
        return real.liveObjects();
    }

    @Override
    public Map<String, Long> counters() {
        return real.counters();
    }
}
