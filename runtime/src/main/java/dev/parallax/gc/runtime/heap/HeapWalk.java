package dev.parallax.gc.runtime.heap;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;

/**
 * Linear walks of a parsable heap (every allocation buffer retired): from the base, cell by cell,
 * stepping by each header's size. Only valid while the world is stopped.
 */
public final class HeapWalk {
    private HeapWalk() {
    }

    /**
     * The start of the allocated object that contains {@code address}, or 0 when it lies outside the
     * heap, in free memory, or the walk meets a corrupt header first. Never throws. Cost: linear in
     * the number of cells below {@code address}.
     */
    public static long objectContaining(ObjectModel objects, long address) {
        long cell = cellContaining(objects, address);
        if (cell == 0) {
            return 0;
        }
        ObjectKind kind = ObjectKind.ofCode(objects.kindCode(cell));
        return kind != null && kind.isObject() ? cell : 0;
    }

    /**
     * The start of the cell (object, free chunk or filler) that contains {@code address}, or 0 when
     * it lies outside the heap or the walk meets a corrupt header first. Never throws.
     */
    public static long cellContaining(ObjectModel objects, long address) {
        if (!objects.inHeap(address)) {
            return 0;
        }
        long limit = objects.limit();
        long cell = objects.base();
        while (cell < limit) {
            long status = objects.status(cell);
            long size = objects.sizeOf(status);
            if (ObjectKind.ofCode(HeaderLayout.kindCode(status)) == null || size > limit - cell) {
                return 0; // unparsable from here on: refuse rather than guess
            }
            if (address - cell < size) {
                return cell;
            }
            cell += size;
        }
        return 0;
    }
}
