package dev.parallax.gc.collectors.trace;

import dev.parallax.gc.api.reference.ReferenceTracer;

/**
 * The {@link ReferenceTracer} of a collector that marks in place with a {@link Marker}: live means
 * marked, nothing has moved yet (a compacting collector forwards afterwards), retaining shades the
 * object grey and the closure drains the mark stack.
 */
public final class MarkerReferences implements ReferenceTracer {
    private final Marker marker;
    private final Runnable beforeDrain;

    /** @param beforeDrain run before each closure (an incremental collector drains its barrier's log) */
    public MarkerReferences(Marker marker, Runnable beforeDrain) {
        this.marker = marker;
        this.beforeDrain = beforeDrain;
    }

    public MarkerReferences(Marker marker) {
        this(marker, () -> { });
    }

    @Override
    public boolean isLive(long object) {
        return marker.marks().isMarked(object);
    }

    @Override
    public long forwarded(long object) {
        return object;
    }

    @Override
    public long retain(long object) {
        marker.shade(object);
        return object;
    }

    @Override
    public void closure() {
        beforeDrain.run();
        marker.drain();
    }
}
