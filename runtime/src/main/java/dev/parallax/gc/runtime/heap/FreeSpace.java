package dev.parallax.gc.runtime.heap;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;

/**
 * Retires allocation buffers: formats a buffer's unused tail as free space so that the heap parses
 * end to end (a linear walk steps over it), then empties the buffer. The collector reclaims the tail
 * at its next sweep like any other free cell. Collectors format their own free chunks; this is only
 * the runtime's side of the TLAB contract.
 */
public final class FreeSpace {
    private FreeSpace() {
    }

    /** Formats {@code [cursor, limit)} of {@code buffer} as free space and clears the buffer. */
    public static void retire(ObjectModel objects, AllocationBuffer buffer) {
        long start = buffer.cursor();
        long end = buffer.limit();
        if (start != 0 && end > start) {
            formatGap(objects, start, end - start);
        }
        buffer.clear();
    }

    /**
     * Makes {@code [start, start + bytes)} one free cell: a FREE chunk (free-list link 0) when it holds
     * at least a header, else a one-word FILLER. {@code bytes} is a positive multiple of 8.
     */
    public static void formatGap(ObjectModel objects, long start, long bytes) {
        if (bytes >= HeaderLayout.MIN_CHUNK_BYTES) {
            long bodyWords = bytes / HeaderLayout.WORD_BYTES - HeaderLayout.HEADER_WORDS;
            objects.setStatus(start, HeaderLayout.statusWord(ObjectKind.FREE, 0, bodyWords));
            objects.store(start + HeaderLayout.WORD_BYTES, 0L);
        } else if (bytes == HeaderLayout.WORD_BYTES) {
            objects.setStatus(start, HeaderLayout.statusWord(ObjectKind.FILLER, 0, 0));
        } else {
            throw new IllegalArgumentException("cannot format a gap of " + bytes + " bytes at 0x"
                    + Long.toHexString(start) + ": not a positive multiple of 8");
        }
    }
}
