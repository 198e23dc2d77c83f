package dev.parallax.gc.api;

/**
 * One registered global cell: a 64-bit tagged value the collector treats as a root (and updates if
 * it moves the target) until {@link #unregister()}. Read and write it only from an attached mutator
 * thread (a collection may be rewriting it otherwise); an address read from it is valid until that
 * thread's next safepoint.
 */
public interface GlobalRoot {
    /** The name given at registration, for messages. */
    String name();

    /** The tagged word held. */
    long get();

    /** Stores a tagged word (a pointer, an immediate, or 0). */
    void set(long taggedWord);

    /** The referenced address, or 0 when the cell holds null. @throws IllegalStateException for a non-pointer */
    long ref();

    /** Stores a pointer to {@code address} (0 stores null). */
    void setRef(long address);

    /** Stops treating the cell as a root; the cell may be reused. Using it afterwards throws. */
    void unregister();
}
