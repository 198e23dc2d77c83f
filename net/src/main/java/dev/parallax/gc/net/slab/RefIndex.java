package dev.parallax.gc.net.slab;

/**
 * Which Ref-cell index a net maintains as Ref nodes are created, overwritten and freed, for the
 * root source that reads it. Overwriting a cell changes no index: the index names Ref slots, and a
 * scan reads each cell's current word.
 */
public enum RefIndex {
    /** No index: the root source walks every slot (naive and parallel scans). Nothing on the hot path. */
    NONE(false, false),
    /** One bit per Ref cell of the packed cell tables, set when a Ref is created, cleared when it is freed (an atomic OR / AND). */
    BITMAP(true, false),
    /**
     * A remembered list per allocating thread: a slot is appended the first time it holds a Ref (a
     * header bit says it is listed, so it is never appended twice); freed slots stay listed until a
     * pause drops them. Creation costs a header test and, rarely, an append; freeing costs nothing.
     */
    LIST(false, true),
    /** Both, for the scan experiment, which compares them on one net. */
    BOTH(true, true);

    private final boolean bitmap;
    private final boolean list;

    RefIndex(boolean bitmap, boolean list) {
        this.bitmap = bitmap;
        this.list = list;
    }

    public boolean bitmap() {
        return bitmap;
    }

    public boolean list() {
        return list;
    }
}
