package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;

import java.util.Map;

/** A collector that hands every call to a shipped one: the broken collectors override the one thing they break. */
abstract class DelegatingCollector implements Collector {
    protected final Collector delegate;

    DelegatingCollector(Collector delegate) {
        this.delegate = delegate;
    }

    @Override
    public CollectorConstraints constraints() {
        return delegate.constraints();
    }

    @Override
    public void initialize(ObjectModel objects, TagScheme tags) {
        delegate.initialize(objects, tags);
    }

    @Override
    public boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        return delegate.refill(buffer, minBytes, preferredBytes);
    }

    @Override
    public long allocateLarge(long bytes) {
        return delegate.allocateLarge(bytes);
    }

    @Override
    public void collect(CollectionScope scope) {
        delegate.collect(scope);
    }

    @Override
    public HeapUsage usage() {
        return delegate.usage();
    }

    @Override
    public long liveObjects() {
        return delegate.liveObjects();
    }

    @Override
    public long allocationHeaderBits() {
        return delegate.allocationHeaderBits();
    }

    @Override
    public boolean isIncremental() {
        return delegate.isIncremental();
    }

    @Override
    public boolean incrementDue() {
        return delegate.incrementDue();
    }

    @Override
    public void collectIncrement(CollectionScope scope) {
        delegate.collectIncrement(scope);
    }

    @Override
    public Map<String, Long> counters() {
        return delegate.counters();
    }

    @Override
    public WriteBarrier writeBarrier() {
        return delegate.writeBarrier();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
