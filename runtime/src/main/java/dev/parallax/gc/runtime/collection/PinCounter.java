package dev.parallax.gc.runtime.collection;

import dev.parallax.gc.api.roots.RootVisitor;

import java.lang.foreign.MemorySegment;

/**
 * Stands between the root sources and a collector's visitor for one pause, counting the distinct
 * objects reported as pinning roots (a source may report one object many times, and a collector
 * may scan the roots more than once per pause). Allocation-free per root once its set has grown.
 */
final class PinCounter implements RootVisitor {
    private final AddressSet pinned = new AddressSet();
    private RootVisitor delegate;

    /** Starts a pause: nothing counted yet. */
    void reset() {
        pinned.clear();
        delegate = null;
    }

    /** Forwards every root to {@code visitor} from now on; returns this. */
    RootVisitor wrap(RootVisitor visitor) {
        this.delegate = visitor;
        return this;
    }

    /** The distinct objects reported through {@link #visitPinningRoot} since {@link #reset}. */
    long distinctPinned() {
        return pinned.size();
    }

    @Override
    public void visitSlot(MemorySegment region, long offset) {
        delegate.visitSlot(region, offset);
    }

    @Override
    public void visitPinningRoot(long object) {
        pinned.add(object);
        delegate.visitPinningRoot(object);
    }
}
