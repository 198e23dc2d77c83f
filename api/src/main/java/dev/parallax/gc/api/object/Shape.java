package dev.parallax.gc.api.object;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The layout of a {@link ObjectKind#SHAPED} object: how many body words it has and which of them
 * may hold references (the reference map). Reference words hold tagged values (see
 * {@code TagScheme}); the other words are raw and never traced.
 *
 * @param id        the type id stored in the header (1 .. {@link HeaderLayout#MAX_TYPE_ID})
 * @param name      a name for messages and dumps
 * @param words     body words
 * @param refMap    bit i set when body word i may hold a reference; never changed after creation
 */
public record Shape(int id, String name, int words, long[] refMap) {

    public Shape {
        if (id < 1 || id > HeaderLayout.MAX_TYPE_ID) {
            throw new IllegalArgumentException("shape id " + id + " is outside 1.." + HeaderLayout.MAX_TYPE_ID);
        }
        if (words < 0) {
            throw new IllegalArgumentException("shape '" + name + "' has a negative word count: " + words);
        }
        refMap = refMap.clone();
    }

    /** A shape with the given reference fields (body word indices). */
    public static Shape of(int id, String name, int words, int... referenceFields) {
        long[] map = new long[(words + 63) >>> 6];
        for (int f : referenceFields) {
            if (f < 0 || f >= words) {
                throw new IllegalArgumentException(
                        "shape '" + name + "': reference field " + f + " is outside 0.." + (words - 1));
            }
            map[f >>> 6] |= 1L << f;
        }
        return new Shape(id, name, words, map);
    }

    /** Whether body word {@code field} may hold a reference. Cost: one array load. */
    public boolean isReference(int field) {
        return (refMap[field >>> 6] & (1L << field)) != 0;
    }

    /** The number of reference fields. */
    public int referenceCount() {
        int n = 0;
        for (long w : refMap) {
            n += Long.bitCount(w);
        }
        return n;
    }

    public BitSet referenceFields() {
        return BitSet.valueOf(refMap);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && s.id == id && s.words == words && s.name.equals(name)
                && Arrays.equals(s.refMap, refMap);
    }

    @Override
    public int hashCode() {
        return id * 31 + Arrays.hashCode(refMap);
    }

    @Override
    public String toString() {
        return "Shape[" + id + " " + name + ", " + words + " words, refs " + referenceFields() + "]";
    }
}
