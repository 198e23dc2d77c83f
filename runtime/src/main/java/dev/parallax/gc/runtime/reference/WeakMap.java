package dev.parallax.gc.runtime.reference;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.reference.References;

/**
 * An identity map on the heap whose entries do not keep their keys alive (a {@code WeakHashMap}
 * done right: a value that refers back to its own key does not keep the entry either), built on
 * ephemerons. The map is a heap object (a one-element reference array naming the entry array of
 * ephemerons), so it lives in slots and fields like any other; once the collector finds a key
 * unreachable its ephemeron is cleared and the entry disappears.
 *
 * <p>Operands that must survive an allocation are slots of the mutator's innermost frame. Cost:
 * lookups scan the entries (O(n)): objects move, so an address cannot be hashed, and the heap keeps
 * no identity hash in release mode. Suited to maps of up to a few thousand entries.
 */
public final class WeakMap {
    private WeakMap() {
    }

    /** A new empty map with room for {@code capacity} entries before it grows. <i>Safepoint.</i> */
    public static long create(Mutator m, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("weak map capacity must be >= 1, got " + capacity);
        }
        m.pushFrame(1);
        try {
            m.setRef(0, m.allocateRefArray(1));
            long entries = m.allocateRefArray(capacity);
            m.writeRef(m.ref(0), 0, entries);
            return m.ref(0);
        } finally {
            m.popFrame();
        }
    }

    /**
     * Maps the key in {@code keySlot} to the value in {@code valueSlot} (a tagged word: an object or
     * an immediate), replacing any previous value for that key. <i>Safepoint.</i>
     */
    public static void put(Mutator m, References refs, int mapSlot, int keySlot, int valueSlot) {
        long key = m.ref(keySlot);
        long entries = m.readRef(m.ref(mapSlot), 0);
        int length = m.length(entries);
        int free = -1;
        for (int i = 0; i < length; i++) {
            long e = m.readRef(entries, i);
            long k = e == 0 ? 0 : refs.ephemeronKey(m, e);
            if (k == key) {
                free = i;
                break;
            }
            if (k == 0 && free < 0) {
                free = i;
            }
        }
        if (free < 0) {
            free = length;
            grow(m, mapSlot, length * 2);
        }
        long e = refs.newEphemeron(m, keySlot, valueSlot);          // safepoint; no address held across it
        m.writeRef(m.readRef(m.ref(mapSlot), 0), free, e);
    }

    /** The value (tagged word) for {@code key}, or 0 when the map has none. */
    public static long get(Mutator m, References refs, long map, long key) {
        long e = find(m, refs, map, key);
        return e == 0 ? 0 : refs.ephemeronValue(m, e);
    }

    /** Whether the map holds {@code key}. */
    public static boolean containsKey(Mutator m, References refs, long map, long key) {
        return find(m, refs, map, key) != 0;
    }

    /** Removes the entry for {@code key}; true if there was one. */
    public static boolean remove(Mutator m, References refs, long map, long key) {
        long entries = m.readRef(map, 0);
        for (int i = 0; i < m.length(entries); i++) {
            long e = m.readRef(entries, i);
            if (e != 0 && refs.ephemeronKey(m, e) == key) {
                m.writeRef(entries, i, 0);
                return true;
            }
        }
        return false;
    }

    /** The entries whose key is still alive. */
    public static int size(Mutator m, References refs, long map) {
        long entries = m.readRef(map, 0);
        int n = 0;
        for (int i = 0; i < m.length(entries); i++) {
            long e = m.readRef(entries, i);
            n += e != 0 && refs.ephemeronKey(m, e) != 0 ? 1 : 0;
        }
        return n;
    }

    private static long find(Mutator m, References refs, long map, long key) {
        if (key == 0) {
            return 0;
        }
        long entries = m.readRef(map, 0);
        for (int i = 0; i < m.length(entries); i++) {
            long e = m.readRef(entries, i);
            if (e != 0 && refs.ephemeronKey(m, e) == key) {
                return e;
            }
        }
        return 0;
    }

    /** Replaces the entry array with one of {@code length} holding the same entries. <i>Safepoint.</i> */
    private static void grow(Mutator m, int mapSlot, int length) {
        long bigger = m.allocateRefArray(length);
        long old = m.readRef(m.ref(mapSlot), 0);
        for (int i = 0; i < m.length(old); i++) {
            m.writeRef(bigger, i, m.readRef(old, i));
        }
        m.writeRef(m.ref(mapSlot), 0, bigger);
    }
}
