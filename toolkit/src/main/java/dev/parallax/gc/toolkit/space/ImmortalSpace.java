package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.metadata.SideBits;

/**
 * Objects that live as long as the runtime (interned values, the runtime's own tables): bump
 * allocation into blocks taken from the page resource, never freed, never moved. Collections still
 * trace through them (their fields may name other spaces' objects), marking each once per
 * collection so that the trace terminates.
 *
 * <p>Cost: allocation is a bump under this space's lock (immortal allocation is rare); tracing sets
 * one mark bit per object; release clears the marks.
 */
public final class ImmortalSpace implements Space {
    /** Pages taken from the page resource at a time. */
    private static final int BLOCK_PAGES = 8;

    private final byte id;
    private final String name;
    private final PageResource pages;
    private final ObjectModel objects;
    private final SideBits marks;
    private long cursor;
    private long limit;
    private long used;
    private long committed;

    public ImmortalSpace(byte id, String name, PageResource pages) {
        this.id = id;
        this.name = name;
        this.pages = pages;
        this.objects = pages.objects();
        this.marks = new SideBits(objects.base(), objects.limit(), 3);
    }

    @Override
    public byte id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code bytes} of fresh (not zeroed) immortal memory, or 0 when the heap has no room. Thread-safe. */
    public synchronized long allocate(long bytes) {
        if (cursor + bytes > limit) {
            int n = Math.max(BLOCK_PAGES, Math.toIntExact((bytes + PageResource.PAGE_BYTES - 1)
                    >>> PageResource.LOG_PAGE_BYTES));
            long block = pages.acquire(n, 1, id);
            if (block == 0) {
                return 0;
            }
            if (limit > cursor) {
                objects.formatFree(cursor, limit - cursor, 0);   // the old block's tail stays parsable
            }
            cursor = block;
            limit = block + ((long) n << PageResource.LOG_PAGE_BYTES);
            committed += (long) n << PageResource.LOG_PAGE_BYTES;
        }
        long object = cursor;
        cursor += bytes;
        used += bytes;
        if (limit > cursor) {
            objects.formatFree(cursor, limit - cursor, 0);   // the rest of the block parses as free
        }
        return object;
    }

    @Override
    public void prepare() {
        marks.clearAll();
    }

    @Override
    public long traceObject(long object, TraceQueue queue) {
        if (marks.testAndSetAtomic(object)) {
            queue.enqueue(object);
        }
        return object;
    }

    @Override
    public void pinAndTrace(long object, TraceQueue queue) {
        traceObject(object, queue);
    }

    @Override
    public boolean isLive(long object) {
        return true;
    }

    @Override
    public void release() {
    }

    @Override
    public synchronized long usedBytes() {
        return used;
    }

    @Override
    public synchronized long committedBytes() {
        return committed;
    }

    @Override
    public synchronized long objectBytes() {
        return used;
    }
}
