package dev.parallax.gc.api.object;

/**
 * The bit layout of an object header. Every object starts 8-byte aligned with two header words:
 *
 * <pre>
 * word 0 (status word)
 *   bits  0..3   kind code ({@link ObjectKind#code()})
 *   bit   4      MARK      set by a tracing collector during marking; clear outside a collection
 *   bit   5      PINNED    the object must not move (API pin, or a conservative root this cycle)
 *   bit   6      FORWARDED word 1 holds the forwarding address (moving collectors, mid-collection only)
 *   bit   7      GREY      free for collector use (e.g. "on the mark stack")
 *   bits  8..31  type id   shape id for SHAPED, code id for CLOSURE, 0 otherwise
 *   bits 32..63  length    body words (element count for arrays, captured count for closures)
 * word 1 (identity word)
 *   the object id: unique in a runtime, never reused, kept across moves. For a FREE chunk: the
 *   free-list link (an address or 0).
 * body
 *   length words
 * </pre>
 *
 * A {@link ObjectKind#FILLER} is a lone status word (kind code, no length). A heap is parsable when
 * a walk from its start, stepping by each cell's size, lands exactly on its end.
 */
public final class HeaderLayout {
    private HeaderLayout() {
    }

    public static final int WORD_BYTES = 8;
    public static final int HEADER_WORDS = 2;
    public static final int HEADER_BYTES = HEADER_WORDS * WORD_BYTES;
    /** Objects and free chunks are aligned to this many bytes. */
    public static final int ALIGNMENT = 8;
    /** The smallest free chunk: a header and no body. Gaps below this become {@link ObjectKind#FILLER}s. */
    public static final int MIN_CHUNK_BYTES = HEADER_BYTES;

    public static final long KIND_MASK = 0xFL;
    public static final long MARK_BIT = 1L << 4;
    public static final long PINNED_BIT = 1L << 5;
    public static final long FORWARDED_BIT = 1L << 6;
    public static final long GREY_BIT = 1L << 7;
    public static final long GC_BITS = MARK_BIT | PINNED_BIT | FORWARDED_BIT | GREY_BIT;
    public static final int TYPE_SHIFT = 8;
    public static final long TYPE_MASK = 0xFF_FFFFL;
    public static final int MAX_TYPE_ID = (int) TYPE_MASK;
    public static final int LENGTH_SHIFT = 32;
    /** The largest body, in words, that one header can describe. */
    public static final long MAX_LENGTH = 0xFFFF_FFFFL;

    /** The status word of a fresh, unmarked object. */
    public static long statusWord(ObjectKind kind, int typeId, long length) {
        return ((long) kind.code()) | ((typeId & TYPE_MASK) << TYPE_SHIFT) | (length << LENGTH_SHIFT);
    }

    public static int kindCode(long status) {
        return (int) (status & KIND_MASK);
    }

    public static int typeId(long status) {
        return (int) ((status >>> TYPE_SHIFT) & TYPE_MASK);
    }

    public static long length(long status) {
        return status >>> LENGTH_SHIFT;
    }

    /** Size in bytes of the cell whose status word this is, valid for every kind. */
    public static long cellBytes(long status) {
        return kindCode(status) == ObjectKind.FILLER.code()
                ? WORD_BYTES
                : (HEADER_WORDS + (status >>> LENGTH_SHIFT)) * WORD_BYTES;
    }

    /** Size in bytes of an object with the given body length. */
    public static long objectBytes(long bodyWords) {
        return (HEADER_WORDS + bodyWords) * WORD_BYTES;
    }
}
