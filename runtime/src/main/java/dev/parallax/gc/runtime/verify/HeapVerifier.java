package dev.parallax.gc.runtime.verify;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.SlotVisitor;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.runtime.heap.HeapWalk;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Debug-mode heap check, run with the world stopped before and after each collection:
 * <ol>
 *   <li>a linear walk checks every cell header (known kind, size within the heap, shape defined and
 *       sized right, no FORWARDED bit, and after a full collection no MARK or GREY bit) and that
 *       the walk ends exactly at the heap end, recording where objects start;</li>
 *   <li>a trace from every root (explicit work list, no recursion) checks that every pointer in a
 *       root or a reachable object's field names an object start, not free memory or an interior
 *       address.</li>
 * </ol>
 * The first failure throws {@link HeapCorruptionException} naming the object, the root or parent
 * field that led to it, and what is wrong. Not thread-safe: one verifier per runtime, used in pauses.
 */
public final class HeapVerifier {
    /** Never set between pauses. */
    private static final long FORWARDED = HeaderLayout.FORWARDED_BIT;
    /** Clear after a full collection; an incremental cycle in progress keeps marks between its steps. */
    private static final long MARKING_BITS = HeaderLayout.MARK_BIT | HeaderLayout.GREY_BIT;

    private final ObjectModel objects;
    private final TagScheme tags;
    private final long base;
    /** Bit per heap word: an object starts there. Rebuilt by each walk. */
    private final long[] starts;
    /** Bit per heap word: the trace has reached the object starting there. */
    private final long[] reached;
    private final FieldChecker fieldChecker = new FieldChecker();
    private long[] work = new long[1024];
    private int workSize;
    private long reachedCount;
    private String when;
    private long forbiddenBits;

    public HeapVerifier(ObjectModel objects, TagScheme tags) {
        this.objects = objects;
        this.tags = tags;
        this.base = objects.base();
        int bitmapWords = (int) (((objects.limit() - base) / HeaderLayout.WORD_BYTES + 63) >>> 6);
        this.starts = new long[bitmapWords];
        this.reached = new long[bitmapWords];
    }

    /**
     * Checks the heap and everything reachable from {@code roots}; returns the number of reachable objects.
     *
     * @param when          "before collection #3", for messages
     * @param afterFullGc   also require every MARK and GREY bit clear (a full collection leaves none)
     * @throws HeapCorruptionException on the first violation found
     */
    public long verify(String when, RootEnumeration roots, boolean afterFullGc) {
        this.when = when;
        this.forbiddenBits = afterFullGc ? FORWARDED | MARKING_BITS : FORWARDED;
        walkHeap();
        Arrays.fill(reached, 0L);
        workSize = 0;
        reachedCount = 0;
        roots.forEach((root, word) -> {
            if (root.where() == Root.Where.STACK && word == FrameShape.NEVER_WRITTEN) {
                throw corrupt(root.describe() + " was never written, yet its frame shape is unzeroed: the code "
                        + "promised to write every reference slot before the frame's first safepoint");
            }
            long target = root.target(word, tags);
            if (target != 0) {
                if (!isObjectStart(target)) {
                    throw corrupt(root.describe() + " points to " + whatIsAt(target));
                }
                reach(target);
            }
        });
        while (workSize > 0) {
            long object = work[--workSize];
            fieldChecker.parent = object;
            objects.scanObject(object, fieldChecker);
        }
        return reachedCount;
    }

    // ---- linear walk ----------------------------------------------------------------------------

    private void walkHeap() {
        Arrays.fill(starts, 0L);
        long limit = objects.limit();
        long previous = 0;
        long cell = base;
        while (cell < limit) {
            long status = objects.status(cell);
            ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(status));
            if (kind == null) {
                throw corrupt(String.format("heap walk: the cell at 0x%x has status word 0x%x with no valid kind%s",
                        cell, status, after(previous)));
            }
            long size = objects.sizeOf(status);
            if (size > limit - cell) {
                throw corrupt(String.format("heap walk: the %s cell at 0x%x (%d body words) runs past the heap end 0x%x%s",
                        kind, cell, HeaderLayout.length(status), limit, after(previous)));
            }
            if (kind.isObject()) {
                checkObjectHeader(cell, status);
                setBit(starts, cell);
            }
            previous = cell;
            cell += size;
        }
    }

    private void checkObjectHeader(long cell, long status) {
        String why = objects.whyNotObject(cell);
        if (why != null) {
            throw corrupt("heap walk: " + why);
        }
        if ((status & forbiddenBits) != 0) {
            throw corrupt(String.format("heap walk: %s has GC bits 0x%x left set",
                    objects.describe(cell), status & forbiddenBits));
        }
    }

    private String after(long previous) {
        return previous == 0 ? " (the first cell)" : " (after " + describeCell(previous) + ")";
    }

    // ---- trace ------------------------------------------------------------------------------------

    /** Whether {@code target} is the start of an object found by the walk. */
    private boolean isObjectStart(long target) {
        return objects.inHeap(target) && (target & (HeaderLayout.ALIGNMENT - 1)) == 0 && testBit(starts, target);
    }

    /** Marks {@code object} reached and queues it, the first time. */
    private void reach(long object) {
        if (testBit(reached, object)) {
            return;
        }
        setBit(reached, object);
        reachedCount++;
        if (workSize == work.length) {
            work = Arrays.copyOf(work, work.length * 2);
        }
        work[workSize++] = object;
    }

    /** Checks each pointer field of {@link #parent} and queues its targets. */
    private final class FieldChecker implements SlotVisitor {
        long parent;

        @Override
        public void visitSlot(MemorySegment region, long offset) {
            long word = region.get(ValueLayout.JAVA_LONG, offset);
            if (tags.isPointer(word)) {
                long target = tags.untag(word);
                if (!isObjectStart(target)) {
                    long field = (offset - (parent - base) - objects.headerBytes()) / HeaderLayout.WORD_BYTES;
                    throw corrupt("field " + field + " of " + objects.describe(parent) + " points to " + whatIsAt(target));
                }
                reach(target);
            }
        }
    }

    // ---- messages ---------------------------------------------------------------------------------

    /** What lies at a bad target: outside the heap, misaligned, free memory, or inside which object. */
    private String whatIsAt(long address) {
        if (!objects.inHeap(address) || (address & (HeaderLayout.ALIGNMENT - 1)) != 0) {
            return objects.whyNotObject(address);
        }
        long cell = HeapWalk.cellContaining(objects, address);
        if (cell == 0) {
            return String.format("0x%x, in an unparsable part of the heap", address);
        }
        String what = describeCell(cell);
        return cell == address
                ? String.format("0x%x, which is %s", address, what)
                : String.format("0x%x, %d bytes inside %s", address, address - cell, what);
    }

    private String describeCell(long cell) {
        ObjectKind kind = ObjectKind.ofCode(objects.kindCode(cell));
        if (kind != null && kind.isObject()) {
            return objects.describe(cell);
        }
        return String.format("%s memory at 0x%x (%d bytes)", kind, cell, objects.cellBytes(cell));
    }

    private HeapCorruptionException corrupt(String what) {
        return new HeapCorruptionException("heap verification " + when + ": " + what);
    }

    private void setBit(long[] bitmap, long address) {
        long word = (address - base) >>> 3;
        bitmap[(int) (word >>> 6)] |= 1L << word;
    }

    private boolean testBit(long[] bitmap, long address) {
        long word = (address - base) >>> 3;
        return (bitmap[(int) (word >>> 6)] & (1L << word)) != 0;
    }
}
