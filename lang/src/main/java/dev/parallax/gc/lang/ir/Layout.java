package dev.parallax.gc.lang.ir;

import dev.parallax.gc.lang.types.TypeInfo;

/**
 * The layout of a shaped script object: its reference fields, then its int fields. A declared type
 * has one ({@code info} set); {@code alloc(refs, ints)} objects have one per pair of counts.
 *
 * @param info the declared type, or null for an {@code alloc(refs, ints)} object
 */
public record Layout(String name, int refs, int ints, TypeInfo info) {
    /** The layout of {@code alloc(refs, ints)}. */
    public static Layout of(int refs, int ints) {
        return new Layout("object/" + refs + "/" + ints, refs, ints, null);
    }

    /** The layout of a declared type. */
    public static Layout of(TypeInfo info) {
        return new Layout(info.name(), info.refCount(), info.intCount(), info);
    }

    public int words() {
        return refs + ints;
    }
}
