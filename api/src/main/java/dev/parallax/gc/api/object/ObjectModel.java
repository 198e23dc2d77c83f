package dev.parallax.gc.api.object;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Reads and writes cells of one runtime's heap segment, by real address: the header layout of
 * {@link HeaderLayout} bound to this runtime's header size. Shared by the runtime (allocation,
 * field access, verification) and the collectors (marking, sweeping, moving), so that the layout
 * is coded once.
 *
 * <p>Every access goes through the heap's {@link MemorySegment}: an address outside the heap throws
 * {@link IndexOutOfBoundsException} instead of touching foreign memory. That is the only check the
 * plain accessors make; the {@code whyNotObject}/{@code check*} methods validate headers for
 * debug mode and error paths. Methods are allocation-free except {@link #describe} and
 * {@link #whyNotObject}.
 *
 * <h2>Modes</h2>
 * <ul>
 *   <li>{@link #hasObjectIds()}: every object carries an identity word (debug mode, or the config
 *       key {@code object-ids}); {@link #objectId} is defined only then.</li>
 *   <li>{@link #debug()}: the runtime runs in debug mode. Collectors validate every reference they
 *       trace when it is set and trust the heap when it is not (release mode).</li>
 * </ul>
 */
public final class ObjectModel {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;
    private static final VarHandle ATOMIC_WORD = ValueLayout.JAVA_LONG.varHandle();

    private final MemorySegment heap;
    private final long base;
    private final long limit;
    private final ShapeTable shapes;
    private final int headerWords;
    private final long headerBytes;
    private final boolean objectIds;
    private final boolean debug;

    /**
     * @param heap      the heap segment: 8-byte aligned and sized
     * @param objectIds whether objects carry an identity word
     * @param debug     whether collectors and the runtime validate every reference (debug mode)
     */
    public ObjectModel(MemorySegment heap, ShapeTable shapes, boolean objectIds, boolean debug) {
        if ((heap.address() & (HeaderLayout.ALIGNMENT - 1)) != 0 || (heap.byteSize() & (HeaderLayout.ALIGNMENT - 1)) != 0) {
            throw new IllegalArgumentException("heap segment must be " + HeaderLayout.ALIGNMENT + "-byte aligned and sized");
        }
        this.heap = heap;
        this.base = heap.address();
        this.limit = base + heap.byteSize();
        this.shapes = shapes;
        this.objectIds = objectIds;
        this.debug = debug;
        this.headerWords = objectIds ? HeaderLayout.IDENTIFIED_WORDS : HeaderLayout.STATUS_WORDS;
        this.headerBytes = (long) headerWords * HeaderLayout.WORD_BYTES;
    }

    public MemorySegment heap() {
        return heap;
    }

    /** The first address of the heap. */
    public long base() {
        return base;
    }

    /** One past the last address of the heap. */
    public long limit() {
        return limit;
    }

    /** The heap's size in bytes. */
    public long capacity() {
        return limit - base;
    }

    public ShapeTable shapes() {
        return shapes;
    }

    /** Words before an object's body: 1 (status), or 2 when objects carry ids. */
    public int headerWords() {
        return headerWords;
    }

    public long headerBytes() {
        return headerBytes;
    }

    /** Whether objects carry an identity word. */
    public boolean hasObjectIds() {
        return objectIds;
    }

    /** Whether the runtime runs in debug mode: every traced reference is validated. */
    public boolean debug() {
        return debug;
    }

    /** Whether {@code address} lies inside the heap (it may still be an interior or free address). */
    public boolean inHeap(long address) {
        return address >= base && address < limit;
    }

    /** The byte offset of {@code address} in the heap segment. */
    public long offset(long address) {
        return address - base;
    }

    // ---- raw words -------------------------------------------------------------------------

    public long load(long address) {
        return heap.get(WORD, address - base);
    }

    public void store(long address, long value) {
        heap.set(WORD, address - base, value);
    }

    // ---- header --------------------------------------------------------------------------

    public long status(long object) {
        return heap.get(WORD, object - base);
    }

    public void setStatus(long object, long status) {
        heap.set(WORD, object - base, status);
    }

    /**
     * The object's id.
     *
     * @throws IllegalStateException when this runtime keeps no object ids
     */
    public long objectId(long object) {
        if (!objectIds) {
            throw new IllegalStateException("this runtime keeps no object ids: run it in debug mode or set "
                    + "the config key object-ids = true");
        }
        return heap.get(WORD, object - base + HeaderLayout.WORD_BYTES);
    }

    /**
     * The status word read with acquire semantics (parallel tracing: a header another thread may
     * forward): after it reads a word stored by {@link #setStatusRelease}, the caller sees every write
     * the storing thread made before that store (the copy's contents). A plain load on x86.
     */
    public long statusAcquire(long object) {
        return (long) ATOMIC_WORD.getAcquire(heap, object - base);
    }

    /** Compare-and-sets the status word: true if it held {@code expected} and now holds {@code value}. */
    public boolean compareAndSetStatus(long object, long expected, long value) {
        return ATOMIC_WORD.compareAndSet(heap, object - base, expected, value);
    }

    /**
     * Stores the status word with release semantics: publishes a forwarding word, and the copy written
     * before it, to tracers that read it with {@link #statusAcquire}. A plain store on x86, where a
     * volatile store also pays a fence.
     */
    public void setStatusRelease(long object, long status) {
        ATOMIC_WORD.setRelease(heap, object - base, status);
    }

    public int kindCode(long object) {
        return HeaderLayout.kindCode(status(object));
    }

    public ObjectKind kind(long object) {
        return ObjectKind.ofCode(kindCode(object));
    }

    public int typeId(long object) {
        return HeaderLayout.typeId(status(object));
    }

    /** Body words (array length, captured count, shape words). */
    public long length(long object) {
        return HeaderLayout.length(status(object));
    }

    /** Size in bytes of the cell at {@code address} (object, free chunk or filler). */
    public long cellBytes(long address) {
        return HeaderLayout.cellBytes(status(address), headerWords);
    }

    /** Size in bytes of the cell whose status word is {@code status}. */
    public long sizeOf(long status) {
        return HeaderLayout.cellBytes(status, headerWords);
    }

    /** Size in bytes of an object with {@code bodyWords} body words. */
    public long objectBytes(long bodyWords) {
        return HeaderLayout.objectBytes(bodyWords, headerWords);
    }

    /** Writes the header of a new object: status word, and the id when objects carry one. The body is not touched. */
    public void initialize(long object, ObjectKind kind, int typeId, long length, long id) {
        long off = object - base;
        heap.set(WORD, off, HeaderLayout.statusWord(kind, typeId, length));
        if (objectIds) {
            heap.set(WORD, off + HeaderLayout.WORD_BYTES, id);
        }
    }

    /**
     * Copies the {@code bytes} (a multiple of 8) of the object at {@code from} to {@code to}, for a
     * moving collector. The ranges may overlap (a sliding compactor's move). Bounds-checked like
     * every heap access. One bulk copy: a word-by-word loop for small objects measured slower
     * (JMH {@code CollectionBenchmark}: semispace 4.69 against 3.83 ms per collection).
     */
    public void copyObject(long from, long to, long bytes) {
        MemorySegment.copy(heap, from - base, heap, to - base, bytes);
    }

    // ---- free cells ------------------------------------------------------------------------

    /**
     * Formats {@code [start, start + bytes)} as one free cell: a FREE chunk whose link is {@code link}
     * when it holds at least {@link HeaderLayout#MIN_CHUNK_BYTES}, else a one-word FILLER.
     *
     * @throws IllegalArgumentException when {@code bytes} is not a positive multiple of 8
     */
    public void formatFree(long start, long bytes, long link) {
        if (bytes >= HeaderLayout.MIN_CHUNK_BYTES) {
            long off = start - base;
            heap.set(WORD, off, HeaderLayout.freeChunkStatus(bytes, headerWords));
            heap.set(WORD, off + HeaderLayout.LINK_OFFSET, link);
        } else if (bytes == HeaderLayout.WORD_BYTES) {
            heap.set(WORD, start - base, HeaderLayout.fillerStatus());
        } else {
            throw new IllegalArgumentException("cannot format a gap of " + bytes + " bytes at 0x"
                    + Long.toHexString(start) + ": not a positive multiple of 8");
        }
    }

    /** The free-list link of the FREE chunk at {@code chunk}. */
    public long freeLink(long chunk) {
        return heap.get(WORD, chunk - base + HeaderLayout.LINK_OFFSET);
    }

    public void setFreeLink(long chunk, long next) {
        heap.set(WORD, chunk - base + HeaderLayout.LINK_OFFSET, next);
    }

    // ---- GC bits -------------------------------------------------------------------------

    public boolean isMarked(long object) {
        return (status(object) & HeaderLayout.MARK_BIT) != 0;
    }

    /** Sets the mark bit; returns true if it was clear (the caller is the one that marked it). */
    public boolean testAndMark(long object) {
        long off = object - base;
        long s = heap.get(WORD, off);
        if ((s & HeaderLayout.MARK_BIT) != 0) {
            return false;
        }
        heap.set(WORD, off, s | HeaderLayout.MARK_BIT);
        return true;
    }

    public void clearMark(long object) {
        long off = object - base;
        heap.set(WORD, off, heap.get(WORD, off) & ~HeaderLayout.MARK_BIT);
    }

    public boolean isPinned(long object) {
        return (status(object) & HeaderLayout.PINNED_BIT) != 0;
    }

    public void setBits(long object, long bits) {
        long off = object - base;
        heap.set(WORD, off, heap.get(WORD, off) | bits);
    }

    public void clearBits(long object, long bits) {
        long off = object - base;
        heap.set(WORD, off, heap.get(WORD, off) & ~bits);
    }

    // ---- body ----------------------------------------------------------------------------

    /** The address of body word {@code index}. */
    public long fieldAddress(long object, long index) {
        return object + headerBytes + index * HeaderLayout.WORD_BYTES;
    }

    public long field(long object, long index) {
        return heap.get(WORD, object - base + headerBytes + index * HeaderLayout.WORD_BYTES);
    }

    public void setField(long object, long index, long value) {
        heap.set(WORD, object - base + headerBytes + index * HeaderLayout.WORD_BYTES, value);
    }

    /** Whether body word {@code index} of this object may hold a reference (is a slot). */
    public boolean isReferenceField(long object, long index) {
        long s = status(object);
        int kind = HeaderLayout.kindCode(s);
        if (kind == ObjectKind.REF_ARRAY.code() || kind == ObjectKind.CLOSURE.code()) {
            return true;
        }
        if (kind == ObjectKind.SHAPED.code()) {
            Shape shape = shapes.byId(HeaderLayout.typeId(s));
            return shape != null && shape.isReference((int) index);
        }
        return false;
    }

    /**
     * Calls {@code visitor} with every slot of the object: the body words that may hold a reference.
     * Cost: one call per slot; raw objects cost one header read. The collectors' marking loops scan
     * objects themselves, without a call per slot; this is for verification and slower paths.
     *
     * @throws HeapCorruptionException when a SHAPED header names an unknown shape
     */
    public void scanObject(long object, SlotVisitor visitor) {
        long s = status(object);
        int kind = HeaderLayout.kindCode(s);
        long off = object - base + headerBytes;
        if (kind == ObjectKind.REF_ARRAY.code() || kind == ObjectKind.CLOSURE.code()) {
            long end = off + HeaderLayout.length(s) * HeaderLayout.WORD_BYTES;
            for (long o = off; o < end; o += HeaderLayout.WORD_BYTES) {
                visitor.visitSlot(heap, o);
            }
        } else if (kind == ObjectKind.SHAPED.code()) {
            Shape shape = shapes.byId(HeaderLayout.typeId(s));
            if (shape == null) {
                throw new HeapCorruptionException(describe(object) + " names shape id "
                        + HeaderLayout.typeId(s) + ", which is not defined");
            }
            long[] map = shape.refMap();
            for (int w = 0; w < map.length; w++) {
                long bits = map[w];
                while (bits != 0) {
                    int field = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    visitor.visitSlot(heap, off + (long) field * HeaderLayout.WORD_BYTES);
                }
            }
        }
    }

    // ---- validation and messages ----------------------------------------------------------

    /**
     * Checks that {@code address} is an aligned heap address holding a plausible object header
     * (a known object kind, a length that fits the heap, a defined shape of the right size). It does
     * not prove that an object starts there: an interior word of another object may look like one.
     *
     * @return null if it does, else what is wrong
     */
    public String whyNotObject(long address) {
        if (!inHeap(address)) {
            return String.format("0x%x is outside the heap [0x%x, 0x%x)", address, base, limit);
        }
        if ((address & (HeaderLayout.ALIGNMENT - 1)) != 0) {
            return String.format("0x%x is not %d-byte aligned", address, HeaderLayout.ALIGNMENT);
        }
        long s = status(address);
        ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(s));
        if (kind == null) {
            return String.format("0x%x has status word 0x%x with no valid kind", address, s);
        }
        if (!kind.isObject()) {
            return String.format("0x%x is %s memory, not an object", address, kind);
        }
        if (sizeOf(s) > limit - address) {
            return String.format("0x%x: %s of %d words runs past the heap end", address, kind, HeaderLayout.length(s));
        }
        if (kind == ObjectKind.SHAPED) {
            Shape shape = shapes.byId(HeaderLayout.typeId(s));
            if (shape == null) {
                return String.format("0x%x names undefined shape id %d", address, HeaderLayout.typeId(s));
            }
            if (shape.words() != HeaderLayout.length(s)) {
                return String.format("0x%x: shape %s has %d words but the header says %d",
                        address, shape.name(), shape.words(), HeaderLayout.length(s));
            }
        }
        return null;
    }

    /** Throws {@link HeapCorruptionException} naming the object and {@code context} unless it is valid. */
    public void checkObject(long address, String context) {
        String why = whyNotObject(address);
        if (why != null) {
            throw new HeapCorruptionException(context + ": " + why);
        }
    }

    /**
     * "object #42 SHAPED Node at 0x7f... (4 words)" (without the id when objects carry none), or what
     * is wrong with the address.
     */
    public String describe(long address) {
        String why = whyNotObject(address);
        if (why != null) {
            return "non-object (" + why + ")";
        }
        long s = status(address);
        ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(s));
        String type = switch (kind) {
            case SHAPED -> " " + shapes.byId(HeaderLayout.typeId(s)).name();
            case CLOSURE -> " code " + HeaderLayout.typeId(s);
            default -> "";
        };
        String id = objectIds ? "object #" + objectId(address) + " " : "object ";
        return String.format("%s%s%s at 0x%x (%d words)", id, kind, type, address, HeaderLayout.length(s));
    }
}
