package dev.parallax.gc.toolkit.alloc;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.AllocationSemantics;
import dev.parallax.gc.api.collector.MutatorContext;
import dev.parallax.gc.api.object.ObjectModel;

/**
 * The mutator context of a plan built from spaces: one buffer the runtime's fast path bumps for
 * default objects up to a size the plan chooses, refilled from the plan's default space
 * ({@link #refill}); every other object (a large one, other semantics) is placed by
 * {@link #allocateElsewhere}. Subclasses add the per-mutator state their spaces need (an Immix hole
 * cursor, say) and reset it after each pause.
 */
public abstract class SpaceContext implements MutatorContext {
    protected final ObjectModel objects;
    private final AllocationBuffer buffer = new AllocationBuffer();
    private final long maxBufferedBytes;

    /** @param maxBufferedBytes default objects up to this size are bumped from the buffer */
    protected SpaceContext(ObjectModel objects, long maxBufferedBytes) {
        this.objects = objects;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    @Override
    public final AllocationBuffer buffer() {
        return buffer;
    }

    @Override
    public final long allocate(long bytes, AllocationSemantics semantics) {
        if (semantics != AllocationSemantics.DEFAULT || bytes > maxBufferedBytes) {
            return allocateElsewhere(bytes, semantics);
        }
        flush();
        if (!refill(buffer, bytes)) {
            return 0;
        }
        long address = buffer.tryBump(bytes);
        if (address == 0) {
            throw new IllegalStateException(String.format("a refill gave [0x%x, 0x%x), smaller than the %d bytes asked",
                    buffer.cursor(), buffer.limit(), bytes));
        }
        return address;
    }

    /** Gives the buffer a region of at least {@code bytes} from the default space; false when it has none. */
    protected abstract boolean refill(AllocationBuffer buffer, long bytes);

    /**
     * Room for an object the buffer does not take: 0 when the heap has none.
     *
     * @throws UnsupportedOperationException when the plan has no space for {@code semantics}
     */
    protected abstract long allocateElsewhere(long bytes, AllocationSemantics semantics);

    /** The buffer's unused part becomes free space, so that the heap parses. */
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
