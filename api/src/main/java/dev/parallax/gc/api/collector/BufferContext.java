package dev.parallax.gc.api.collector;

import dev.parallax.gc.api.object.ObjectModel;

/**
 * The mutator context of a collector that allocates through {@link Collector#refill} and
 * {@link Collector#allocateLarge}: a single buffer, refilled about {@code preferredBytes} at a time,
 * with objects bigger than half of that allocated outside it. What every collector gets unless it
 * defines its own. It honours {@link AllocationSemantics#LARGE}, and
 * {@link AllocationSemantics#NON_MOVING} when the collector never moves objects; it has no immortal
 * space.
 */
public final class BufferContext implements MutatorContext {
    private final Collector collector;
    private final ObjectModel objects;
    private final long preferredBytes;
    private final AllocationBuffer buffer = new AllocationBuffer();

    public BufferContext(Collector collector, ObjectModel objects, long preferredBytes) {
        this.collector = collector;
        this.objects = objects;
        this.preferredBytes = preferredBytes;
    }

    @Override
    public AllocationBuffer buffer() {
        return buffer;
    }

    /**
     * @throws UnsupportedOperationException for {@link AllocationSemantics#IMMORTAL}, and for
     *         {@link AllocationSemantics#NON_MOVING} when the collector moves objects
     */
    @Override
    public long allocate(long bytes, AllocationSemantics semantics) {
        if (semantics == AllocationSemantics.IMMORTAL
                || semantics == AllocationSemantics.NON_MOVING && collector.constraints().movesObjects()) {
            throw new UnsupportedOperationException("collector '" + collector.name() + "' has no space for "
                    + semantics + " objects");
        }
        if (bytes > preferredBytes / 2 || semantics != AllocationSemantics.DEFAULT) {
            return collector.allocateLarge(bytes);
        }
        flush();
        if (!collector.refill(buffer, bytes, preferredBytes)) {
            return 0;
        }
        long address = buffer.tryBump(bytes);
        if (address == 0) {
            throw new IllegalStateException(String.format(
                    "collector '%s' refilled a buffer with [0x%x, 0x%x), smaller than the %d bytes asked",
                    collector.name(), buffer.cursor(), buffer.limit(), bytes));
        }
        return address;
    }

    @Override
    public void flush() {
        long start = buffer.cursor();
        long end = buffer.limit();
        if (start != 0 && end > start) {
            objects.formatFree(start, end - start, 0L);
        }
        buffer.clear();
    }
}
