package dev.parallax.gc.api;

import dev.parallax.gc.api.collector.AllocationSemantics;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.stack.FrameShape;

/**
 * A mutator thread's handle on the heap: all mutator code goes through it. Bound to the thread that
 * attached it.
 *
 * <h2>What the GC sees</h2>
 * The mutator owns an explicit stack of frames with word slots, the way JIT code spills live values
 * before a safepoint (Cranelift user stack maps). Each frame is pushed with a {@link FrameShape}
 * declared once ({@code runtime.frames().define(...)}): its slot count and which slots are
 * <i>reference slots</i> (tagged values the GC traces and may update) and which are raw words it
 * never traces. {@link #setRef} and {@link #setValue} write reference slots, {@link #setRaw} raw
 * slots, {@link #clear} either. <b>An address held in a Java local across a safepoint is a bug</b>:
 * every method marked <i>safepoint</i> below may run a collection that reclaims or moves objects not
 * held in a slot, a global, or another root.
 *
 * <h2>Addresses and values</h2>
 * Objects are named by their real 64-bit start address ({@code long}, 0 = null). Slots and
 * reference fields hold tagged words (see {@code TagScheme}); {@link #ref}/{@link #readRef} untag
 * and {@link #setRef}/{@link #writeRef} tag for you.
 *
 * <h2>Release and debug mode</h2>
 * In <b>debug mode</b> ({@code GcConfig.debug()}) every call is validated and misuse (an index out of
 * range, a raw field written as a reference, a raw slot given a reference, a frame popped that was
 * never pushed, a non-object address, a call from another thread or while stopped) throws
 * {@link IllegalArgumentException} or {@link IllegalStateException} naming the object or slot, with
 * the heap unchanged. In <b>release mode</b> the mutator is trusted, as compiled code is: field and
 * slot accesses are not validated beyond memory safety (an access outside the runtime's memory
 * throws {@link IndexOutOfBoundsException}; the JVM never crashes), so a wrong but in-range address
 * or index corrupts the heap, and the next debug run names it. Release mode still refuses stack
 * overflow, popping an empty stack and negative lengths, and reports heap exhaustion with
 * {@link HeapExhaustedException}.
 */
public interface Mutator extends AutoCloseable {
    String name();

    // ---- frames and slots ------------------------------------------------------------------

    /**
     * Pushes a frame of {@code shape}: zeroed if the shape says so, else left as it was for the code to
     * write before its first safepoint. Cost: a header store and a bounds check, plus one store per
     * slot for a zeroed shape.
     *
     * @throws IllegalStateException on stack overflow
     */
    void pushFrame(FrameShape shape);

    /**
     * Pushes a zeroed frame of {@code slots} reference slots (the runtime's shape "refs/N"): a
     * shorthand for tests and simple code.
     *
     * @throws IllegalStateException on stack overflow
     */
    void pushFrame(int slots);

    /** Pops the innermost frame; its slots stop being roots. */
    void popFrame();

    /** The number of frames pushed. */
    int frameDepth();

    /** Stores a pointer to {@code address} (or null for 0) in reference slot {@code slot} of the innermost frame. */
    void setRef(int slot, long address);

    /** The address held in {@code slot}, 0 for null. @throws IllegalStateException for a non-pointer word */
    long ref(int slot);

    /** Stores a tagged word in reference slot {@code slot} (traced if the word is a pointer). */
    void setValue(int slot, long taggedWord);

    /** Stores a raw word in raw slot {@code slot}: the precise GC never traces it (an unboxed integer, a double's bits). */
    void setRaw(int slot, long word);

    /** The word in {@code slot}, as stored. */
    long slot(int slot);

    /** Zeroes the slot (null for a reference slot). */
    void clear(int slot);

    // ---- allocation (each is a safepoint) --------------------------------------------------------

    /** Allocates an object of {@code shape}, every field 0/null. <i>Safepoint.</i> */
    long allocate(Shape shape);

    /**
     * Allocates an object of {@code shape} with the given semantics: the collector puts it in the
     * space they call for (a large-object space, a space that never moves, an immortal one).
     * Always takes the allocation slow path. <i>Safepoint.</i>
     *
     * @throws IllegalArgumentException when the collector has no space for {@code semantics}
     */
    long allocate(Shape shape, AllocationSemantics semantics);

    /** Allocates an array of {@code length} references, all null. <i>Safepoint.</i> */
    long allocateRefArray(int length);

    /** Allocates an array of {@code length} raw words, all 0. <i>Safepoint.</i> */
    long allocateRawArray(int length);

    /** {@link #allocateRefArray(int)} with allocation semantics, as {@link #allocate(Shape, AllocationSemantics)}. */
    long allocateRefArray(int length, AllocationSemantics semantics);

    /** {@link #allocateRawArray(int)} with allocation semantics, as {@link #allocate(Shape, AllocationSemantics)}. */
    long allocateRawArray(int length, AllocationSemantics semantics);

    /** Allocates a closure environment for {@code codeId} with {@code captured} value slots, all 0. <i>Safepoint.</i> */
    long allocateClosure(int codeId, int captured);

    /** Boxes a long. <i>Safepoint.</i> */
    long boxLong(long value);

    /** Boxes a double. <i>Safepoint.</i> */
    long boxDouble(double value);

    // ---- fields ------------------------------------------------------------------------------

    /** The address held in reference field {@code index} of {@code object}, 0 for null. */
    long readRef(long object, int index);

    /** Stores a pointer to {@code target} (0 = null) in reference field {@code index}; runs the write barrier. */
    void writeRef(long object, int index, long target);

    /** The tagged word in reference field {@code index}. */
    long readValue(long object, int index);

    /** Stores a tagged word in reference field {@code index}; runs the write barrier. */
    void writeValue(long object, int index, long taggedWord);

    /** The raw word at body index {@code index} (raw fields, raw arrays, boxes). */
    long readRaw(long object, int index);

    /** Stores a raw word at body index {@code index}; refuses reference fields. */
    void writeRaw(long object, int index, long word);

    /** Body words of the object (array length, captured count). */
    int length(long object);

    ObjectKind kind(long object);

    /**
     * The object's id: unique in the runtime, stable across moves.
     *
     * @throws IllegalStateException when the runtime keeps no object ids (release mode without the
     *                               config key {@code object-ids})
     */
    long objectId(long object);

    /** The shape of a SHAPED object. @throws IllegalArgumentException for other kinds */
    Shape shape(long object);

    /** The code id of a closure. */
    int codeId(long object);

    /** The value of a boxed long. */
    long unboxLong(long object);

    /** The value of a boxed double. */
    double unboxDouble(long object);

    // ---- pinning ---------------------------------------------------------------------------------

    /**
     * Keeps {@code object} at its address across collections until it is unpinned as often as it was
     * pinned: pins are counted, so independent holders may pin one object. Does not keep it alive (the
     * pins of an object that dies are forgotten). Thread-safe against other mutators pinning the same
     * object. Cost: a table update under a lock; nothing on the allocation or field paths.
     *
     * @throws IllegalStateException when the collector does not support pinning
     */
    void pin(long object);

    /**
     * Removes one pin from {@code object}.
     *
     * @throws IllegalStateException when the object holds no pin
     */
    void unpin(long object);

    // ---- safepoints -----------------------------------------------------------------------------

    /** Polls for a pending stop-the-world request, whatever the policy. <i>Safepoint.</i> */
    void poll();

    /** Declares a loop back-edge; polls if the safepoint policy says so. <i>Safepoint.</i> */
    void backEdge();

    /** Declares a function entry; polls if the safepoint policy says so. <i>Safepoint.</i> */
    void functionEntry();

    /**
     * Runs a full collection now and waits for it: a pause with reason "requested", this thread's or
     * one it joins (a pause for another reason it happens to join may be a minor collection or an
     * incremental step, so it asks again afterwards). <i>Safepoint.</i>
     */
    void collect();

    /**
     * Runs one step of the collector now: one bounded increment of an incremental collector (which
     * starts a cycle if none is running), a full collection for a stop-the-world one. Lets programs
     * and tests interleave mutation with marking deterministically. <i>Safepoint.</i>
     */
    void collectStep();

    /**
     * Runs {@code action} with this mutator inactive: a collection need not wait for it. The action
     * must not touch the heap or this mutator (it runs outside the heap, e.g. blocking I/O).
     * On return the mutator waits for any collection in progress. <i>Safepoint.</i>
     */
    void runBlocked(Runnable action);

    /** Detaches the mutator from the runtime; its stack stops being a root. Idempotent. */
    @Override
    void close();
}
