package dev.parallax.gc.api.collector;

/**
 * A collector's account of its heap.
 *
 * @param capacityBytes    the heap's size
 * @param usedBytes        bytes not available for allocation: objects, and the space a collector
 *                         cannot hand out around them (the rest of a partly live Immix line or copy
 *                         block, a large object's last page); between collections also the
 *                         allocation buffers handed out
 * @param freeBytes        bytes available for allocation ({@code capacity - used})
 * @param largestFreeBytes the largest contiguous free block: with {@code freeBytes}, a measure of fragmentation
 * @param objectBytes      bytes held by objects: right after a full collection exactly the reachable
 *                         objects' bytes; between collections also what was handed out since. Equal to
 *                         {@code usedBytes} for a collector that reclaims space object by object
 */
public record HeapUsage(long capacityBytes, long usedBytes, long freeBytes, long largestFreeBytes, long objectBytes) {

    /** The account of a collector that reclaims object by object: its used bytes are its objects' bytes. */
    public HeapUsage(long capacityBytes, long usedBytes, long freeBytes, long largestFreeBytes) {
        this(capacityBytes, usedBytes, freeBytes, largestFreeBytes, usedBytes);
    }

    /** 1 - largest/free: 0 when all free space is one block, near 1 when it is shattered. */
    public double fragmentation() {
        return freeBytes == 0 ? 0.0 : 1.0 - (double) largestFreeBytes / freeBytes;
    }
}
