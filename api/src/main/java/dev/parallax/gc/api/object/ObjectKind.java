package dev.parallax.gc.api.object;

/**
 * What a heap cell is, as stored in the low four bits of its header word.
 *
 * <p>Every kind has the same size rule: {@code (headerWords + length) * 8} bytes (see {@link HeaderLayout}), where
 * {@code length} is the header's length field, except {@link #FILLER}, which is exactly one word.
 * A linear walk of the heap can therefore step from cell to cell without a type lookup.
 */
public enum ObjectKind {
    /** A free chunk: {@code length} body words follow; the word after the status word links the free list. Never reachable. */
    FREE(0, false),
    /** A one-word gap left between allocations (too small for a free chunk). Never reachable. */
    FILLER(1, false),
    /** A fixed-layout object; its {@link Shape} (header type id) says which body words may hold references. */
    SHAPED(2, true),
    /** An array whose every element may hold a reference. */
    REF_ARRAY(3, true),
    /** An array of raw 64-bit words (longs, doubles); never traced. */
    RAW_ARRAY(4, true),
    /** A boxed 64-bit integer: one raw body word. */
    BOXED_LONG(5, true),
    /** A boxed IEEE-754 double: one raw body word. */
    BOXED_DOUBLE(6, true),
    /** A closure environment: the header type id is the code id, every body word is a captured value. */
    CLOSURE(7, true);

    private static final ObjectKind[] BY_CODE = new ObjectKind[16];

    static {
        for (ObjectKind k : values()) {
            BY_CODE[k.code] = k;
        }
    }

    private final int code;
    private final boolean object;

    ObjectKind(int code, boolean object) {
        this.code = code;
        this.object = object;
    }

    /** The four-bit code stored in the header. */
    public int code() {
        return code;
    }

    /** True for allocated objects, false for free space (free chunks and fillers). */
    public boolean isObject() {
        return object;
    }

    /** Whether body words of this kind may hold references (for SHAPED, only those the shape names). */
    public boolean mayHoldReferences() {
        return this == SHAPED || this == REF_ARRAY || this == CLOSURE;
    }

    /** The kind for a header code, or {@code null} when the code names no kind (a corrupt header). */
    public static ObjectKind ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
