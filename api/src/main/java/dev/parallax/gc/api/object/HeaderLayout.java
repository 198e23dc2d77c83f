package dev.parallax.gc.api.object;

/**
 * The bit layout of an object header. Every cell starts 8-byte aligned with a one-word status
 * word; a runtime that keeps object ids adds an identity word after it:
 *
 * <pre>
 * word 0 (status word)
 *   bits  0..3   kind code ({@link ObjectKind#code()})
 *   bit   4      MARK      set by a collector that marks in the header; clear outside a collection
 *   bit   5      PINNED    the object must not move (API pin)
 *   bit   6      FORWARDED the object has a forwarding address (moving collectors, mid-collection only)
 *   bit   7      GREY      free for collector use (e.g. "pinned by a conservative root this cycle")
 *   bits  8..31  type id   shape id for SHAPED, code id for CLOSURE, 0 otherwise
 *   bits 32..63  length    body words (element count for arrays, captured count for closures)
 * word 1 (identity word), only when the runtime keeps object ids (debug mode, or config object-ids)
 *   the object id: unique in a runtime, never reused, kept across moves
 * body
 *   length words
 * </pre>
 *
 * A moving collector that copies an object replaces its old status word, mid-collection, by a
 * <i>forwarding word</i>: the new address in bits 8..63 and kind code {@link #FORWARDING_CODE}, which
 * no cell kind has, so a forwarded header never passes for an object.
 *
 * <p>A GCBench node (two references, two raw words) is therefore 8 + 4 * 8 = 40 bytes in a runtime
 * without ids, 48 with. Every cell is {@code (headerWords + length) * 8} bytes, whatever its kind,
 * except a {@link ObjectKind#FILLER}, which is a lone status word. A {@link ObjectKind#FREE} chunk
 * keeps its free-list link in the word after its status word (its first body word without ids, its
 * identity word with them), so the smallest free chunk is {@link #MIN_CHUNK_BYTES}. A heap is parsable
 * when a walk from its start, stepping by each cell's size, lands exactly on its end.
 *
 * <p>The static methods take the header size ({@code headerWords}, 1 or 2) where it matters;
 * {@link ObjectModel} binds it for one runtime.
 */
public final class HeaderLayout {
    private HeaderLayout() {
    }

    public static final int WORD_BYTES = 8;
    /** The header of a runtime without object ids: the status word alone. */
    public static final int STATUS_WORDS = 1;
    /** The header of a runtime that keeps object ids: status word and identity word. */
    public static final int IDENTIFIED_WORDS = 2;
    /** Objects and free chunks are aligned to this many bytes. */
    public static final int ALIGNMENT = 8;
    /** The smallest free chunk: a status word and a link. Gaps below this become {@link ObjectKind#FILLER}s. */
    public static final int MIN_CHUNK_BYTES = 2 * WORD_BYTES;
    /** Byte offset of a free chunk's link (and of the identity word of an object that has one). */
    public static final int LINK_OFFSET = WORD_BYTES;

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

    /** The kind code of a forwarding word (see the class comment); no {@link ObjectKind} has it. */
    public static final int FORWARDING_CODE = 0xF;
    /** The kind code of a header a copying thread has claimed and not yet forwarded (parallel copying). */
    public static final int BUSY_CODE = 0xE;

    /** The forwarding word pointing at {@code newAddress} (below 2^56). */
    public static long forwardingWord(long newAddress) {
        return (newAddress << 8) | FORWARDING_CODE;
    }

    /** Whether a status word is a forwarding word. */
    public static boolean isForwarding(long status) {
        return (status & KIND_MASK) == FORWARDING_CODE;
    }

    /** The new address a forwarding word holds. */
    public static long forwardee(long forwardingWord) {
        return forwardingWord >>> 8;
    }

    /** Header words of a runtime that keeps object ids or not. */
    public static int headerWords(boolean objectIds) {
        return objectIds ? IDENTIFIED_WORDS : STATUS_WORDS;
    }

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
    public static long cellBytes(long status, int headerWords) {
        return kindCode(status) == ObjectKind.FILLER.code()
                ? WORD_BYTES
                : (headerWords + (status >>> LENGTH_SHIFT)) * WORD_BYTES;
    }

    /** Size in bytes of an object with the given body length. */
    public static long objectBytes(long bodyWords, int headerWords) {
        return (headerWords + bodyWords) * WORD_BYTES;
    }

    /** The status word of a free chunk of {@code bytes} (at least {@link #MIN_CHUNK_BYTES}). */
    public static long freeChunkStatus(long bytes, int headerWords) {
        return statusWord(ObjectKind.FREE, 0, bytes / WORD_BYTES - headerWords);
    }

    /** The status word of a one-word filler. */
    public static long fillerStatus() {
        return ObjectKind.FILLER.code();
    }
}
