package dev.parallax.gc.api.object;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static dev.parallax.gc.api.object.HeaderLayout.*;

/**
 * Reads and writes objects in the heap segment, by real address. Shared by the runtime (allocation,
 * field access) and the collectors (marking, sweeping, moving), so that the header layout of
 * {@link HeaderLayout} is coded once.
 *
 * <p>Every access goes through the heap's {@link MemorySegment}: an address outside the heap throws
 * {@link IndexOutOfBoundsException} instead of touching foreign memory. Methods are allocation-free;
 * {@link #describe} and the {@code check*} methods are for error paths.
 */
public final class ObjectModel {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;

    private final MemorySegment heap;
    private final long base;
    private final long limit;
    private final ShapeTable shapes;

    public ObjectModel(MemorySegment heap, ShapeTable shapes) {
        if ((heap.address() & (ALIGNMENT - 1)) != 0 || (heap.byteSize() & (ALIGNMENT - 1)) != 0) {
            throw new IllegalArgumentException("heap segment must be " + ALIGNMENT + "-byte aligned and sized");
        }
        this.heap = heap;
        this.base = heap.address();
        this.limit = base + heap.byteSize();
        this.shapes = shapes;
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

    public ShapeTable shapes() {
        return shapes;
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

    public long objectId(long object) {
        return heap.get(WORD, object - base + WORD_BYTES);
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
        return HeaderLayout.cellBytes(status(address));
    }

    /** Writes the header of a new object: status word and id. The body is not touched. */
    public void initialize(long object, ObjectKind kind, int typeId, long length, long id) {
        long off = object - base;
        heap.set(WORD, off, statusWord(kind, typeId, length));
        heap.set(WORD, off + WORD_BYTES, id);
    }

    // ---- GC bits -------------------------------------------------------------------------

    public boolean isMarked(long object) {
        return (status(object) & MARK_BIT) != 0;
    }

    /** Sets the mark bit; returns true if it was clear (the caller is the one that marked it). */
    public boolean testAndMark(long object) {
        long off = object - base;
        long s = heap.get(WORD, off);
        if ((s & MARK_BIT) != 0) {
            return false;
        }
        heap.set(WORD, off, s | MARK_BIT);
        return true;
    }

    public void clearMark(long object) {
        long off = object - base;
        heap.set(WORD, off, heap.get(WORD, off) & ~MARK_BIT);
    }

    public boolean isPinned(long object) {
        return (status(object) & PINNED_BIT) != 0;
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
    public static long fieldAddress(long object, long index) {
        return object + HEADER_BYTES + index * WORD_BYTES;
    }

    public long field(long object, long index) {
        return heap.get(WORD, object - base + HEADER_BYTES + index * WORD_BYTES);
    }

    public void setField(long object, long index, long value) {
        heap.set(WORD, object - base + HEADER_BYTES + index * WORD_BYTES, value);
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
     * Cost: one call per slot; raw objects cost one header read.
     *
     * @throws HeapCorruptionException when a SHAPED header names an unknown shape
     */
    public void scanObject(long object, SlotVisitor visitor) {
        long s = status(object);
        int kind = HeaderLayout.kindCode(s);
        long off = object - base + HEADER_BYTES;
        if (kind == ObjectKind.REF_ARRAY.code() || kind == ObjectKind.CLOSURE.code()) {
            long end = off + HeaderLayout.length(s) * WORD_BYTES;
            for (long o = off; o < end; o += WORD_BYTES) {
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
                    visitor.visitSlot(heap, off + (long) field * WORD_BYTES);
                }
            }
        }
    }

    // ---- validation and messages ----------------------------------------------------------

    /**
     * Checks that {@code address} is an aligned heap address holding a plausible object header
     * (a known object kind, a length that fits the heap, a defined shape of the right size).
     *
     * @return null if it does, else what is wrong
     */
    public String whyNotObject(long address) {
        if (!inHeap(address)) {
            return String.format("0x%x is outside the heap [0x%x, 0x%x)", address, base, limit);
        }
        if ((address & (ALIGNMENT - 1)) != 0) {
            return String.format("0x%x is not %d-byte aligned", address, ALIGNMENT);
        }
        long s = status(address);
        ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(s));
        if (kind == null) {
            return String.format("0x%x has status word 0x%x with no valid kind", address, s);
        }
        if (!kind.isObject()) {
            return String.format("0x%x is %s memory, not an object", address, kind);
        }
        if (address + HeaderLayout.cellBytes(s) > limit) {
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

    /** "object #42 SHAPED Node at 0x7f... (4 words)", or what is wrong with the address. */
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
        return String.format("object #%d %s%s at 0x%x (%d words)", objectId(address), kind, type, address,
                HeaderLayout.length(s));
    }
}
