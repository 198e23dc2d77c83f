package dev.parallax.gc.api;

import dev.parallax.gc.api.collector.HeapUsage;

/**
 * The heap cannot satisfy an allocation even after a full collection: the live data (plus the
 * request) does not fit. Thrown to the allocating mutator; the heap stays consistent and every
 * reachable object intact, so the runtime works again once roots are released.
 */
public class HeapExhaustedException extends RuntimeException {
    private final long requestedBytes;
    private final transient HeapUsage usage;

    public HeapExhaustedException(String mutator, long requestedBytes, HeapUsage usage, String collector) {
        super(String.format(
                "out of memory: mutator '%s' asked for %,d bytes; after a full %s collection the heap of %,d bytes "
                        + "holds %,d bytes of live data, %,d bytes free (largest free block %,d bytes). "
                        + "Release roots or start with a larger --heap.",
                mutator, requestedBytes, collector, usage.capacityBytes(), usage.usedBytes(), usage.freeBytes(),
                usage.largestFreeBytes()));
        this.requestedBytes = requestedBytes;
        this.usage = usage;
    }

    public long requestedBytes() {
        return requestedBytes;
    }

    public HeapUsage usage() {
        return usage;
    }
}
