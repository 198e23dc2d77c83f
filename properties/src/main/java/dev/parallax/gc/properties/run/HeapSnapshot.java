package dev.parallax.gc.properties.run;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The objects of a heap at one moment inside a pause, in address order, with their ids and sizes:
 * taken by a linear walk from the heap base, cell by cell. Never throws: an unparsable cell ends
 * the walk and is kept as {@link #error()}.
 */
final class HeapSnapshot {
    private long[] addresses = new long[64];
    private long[] ids = new long[64];
    private long[] bytes = new long[64];
    private int count;
    private long objectAfterGap;
    private String error;
    private Map<Long, Integer> indexById;

    private HeapSnapshot() {
    }

    /**
     * Walks the heap, stepping over {@code [skipFrom, skipTo)} (an allocation buffer's unused tail,
     * not yet formatted; {@code skipFrom == 0} skips nothing).
     */
    static HeapSnapshot take(ObjectModel objects, long skipFrom, long skipTo) {
        HeapSnapshot s = new HeapSnapshot();
        long limit = objects.limit();
        boolean gap = false;
        for (long cell = objects.base(); cell < limit; ) {
            if (cell == skipFrom && skipTo > skipFrom) {
                cell = skipTo;
                gap = true;
                continue;
            }
            long status = objects.status(cell);
            ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(status));
            long size = objects.sizeOf(status);
            if (kind == null || size <= 0 || size > limit - cell) {
                s.error = String.format("unparsable cell at 0x%x (status word 0x%x)", cell, status);
                break;
            }
            if (kind.isObject()) {
                s.add(cell, objects.objectId(cell), size);
                s.objectAfterGap = gap && s.objectAfterGap == 0 ? cell : s.objectAfterGap;
            } else {
                gap = true;
            }
            cell += size;
        }
        return s;
    }

    /** A snapshot of the given objects (address order), for tests of the invariants. */
    static HeapSnapshot of(long[] addresses, long[] ids, long[] bytes) {
        HeapSnapshot s = new HeapSnapshot();
        for (int i = 0; i < addresses.length; i++) {
            s.add(addresses[i], ids[i], bytes[i]);
        }
        return s;
    }

    private void add(long address, long id, long size) {
        if (count == addresses.length) {
            addresses = Arrays.copyOf(addresses, count * 2);
            ids = Arrays.copyOf(ids, count * 2);
            bytes = Arrays.copyOf(bytes, count * 2);
        }
        addresses[count] = address;
        ids[count] = id;
        bytes[count] = size;
        count++;
    }

    int size() {
        return count;
    }

    long address(int index) {
        return addresses[index];
    }

    long id(int index) {
        return ids[index];
    }

    /** The index of the object whose cell contains {@code address} (its start or an interior word), or -1. */
    int indexContaining(long address) {
        int i = Arrays.binarySearch(addresses, 0, count, address);
        int candidate = i >= 0 ? i : -i - 2; // the last object starting at or below the address
        return candidate >= 0 && address - addresses[candidate] < bytes[candidate] ? candidate : -1;
    }

    /** The address of the object with id {@code id}, or 0 when no object in the snapshot has it. */
    long addressOf(long id) {
        if (indexById == null) {
            indexById = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                indexById.put(ids[i], i);
            }
        }
        Integer i = indexById.get(id);
        return i == null ? 0 : addresses[i];
    }

    /** The first object that lies above free space (or a skipped buffer tail), or 0 when the objects form a prefix of the heap. */
    long firstObjectAfterGap() {
        return objectAfterGap;
    }

    /** Why the walk stopped early, or null when it parsed the whole heap. */
    String error() {
        return error;
    }
}
