package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.collectors.markcompact.MarkCompactCollector;

/**
 * A deliberately broken collector: mark-compact that claims to support pinning but clears every
 * API pin before it compacts, so pinned objects slide like any other.
 */
public final class PinIgnoringCompactor implements Collector {
    public static final String NAME = "mark-compact-ignoring-pins";

    private final MarkCompactCollector compactor = new MarkCompactCollector();
    private ObjectModel objects;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorConstraints constraints() {
        return compactor.constraints();
    }

    @Override
    public void initialize(ObjectModel objects, TagScheme tags) {
        this.objects = objects;
        compactor.initialize(objects, tags);
    }

    @Override
    public boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        return compactor.refill(buffer, minBytes, preferredBytes);
    }

    @Override
    public long allocateLarge(long bytes) {
        return compactor.allocateLarge(bytes);
    }

    /** The heap is parsable here (every buffer retired): a walk clears the pins, then the real collection runs. */
    @Override
    public void collect(CollectionScope scope) {
        for (long cell = objects.base(); cell < objects.limit(); cell += objects.cellBytes(cell)) {
            objects.clearBits(cell, HeaderLayout.PINNED_BIT);
        }
        compactor.collect(scope);
    }

    @Override
    public HeapUsage usage() {
        return compactor.usage();
    }

    @Override
    public long liveObjects() {
        return compactor.liveObjects();
    }
}
