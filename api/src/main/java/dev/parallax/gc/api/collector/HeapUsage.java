package dev.parallax.gc.api.collector;

/**
 * A collector's account of its heap. After a collection {@code usedBytes} is the size of the live
 * objects; between collections it also counts objects allocated since, and the allocation buffers
 * currently handed out.
 *
 * @param capacityBytes   the heap's size
 * @param usedBytes       bytes not available for allocation
 * @param freeBytes       bytes available for allocation ({@code capacity - used})
 * @param largestFreeBytes the largest contiguous free block: with {@code freeBytes}, a measure of fragmentation
 */
public record HeapUsage(long capacityBytes, long usedBytes, long freeBytes, long largestFreeBytes) {
    /** 1 - largest/free: 0 when all free space is one block, near 1 when it is shattered. */
    public double fragmentation() {
        return freeBytes == 0 ? 0.0 : 1.0 - (double) largestFreeBytes / freeBytes;
    }
}
