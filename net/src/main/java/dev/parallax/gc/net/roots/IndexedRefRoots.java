package dev.parallax.gc.net.roots;

import com.google.inject.Inject;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.object.SlotVisitor;
import dev.parallax.gc.net.slab.NetMemory;
import dev.parallax.gc.net.slab.Partition;
import dev.parallax.gc.net.slab.RefIndex;

/**
 * {@code net-indexed}: reads the index nets keep as Ref nodes are created and freed, instead of the
 * slabs. Option {@value #INDEX_OPTION}: {@code bitmap} (the default: one bit per Ref cell, set and
 * cleared atomically; since live cells are packed in each partition's cell table, a scan reads a
 * bitmap of (Refs ever live) bits and the cells, sequentially) or {@code list} (a remembered list of
 * Ref slots per allocating thread; a scan reads the list and each listed slot's header and cell id,
 * then the cell, and drops the slots freed since). The scan experiment measures both; the bitmap
 * won at every density (README), so it is the default.
 */
public final class IndexedRefRoots extends RefCellRoots {
    public static final String NAME = "net-indexed";
    public static final String INDEX_OPTION = "net-indexed.index";

    private final RefIndex index;

    @Inject
    public IndexedRefRoots(GcConfig config) {
        this(parse(config.option(INDEX_OPTION, "bitmap")));
    }

    public IndexedRefRoots(RefIndex index) {
        if (index != RefIndex.BITMAP && index != RefIndex.LIST) {
            throw new IllegalArgumentException("net-indexed reads a bitmap or a list, not " + index);
        }
        this.index = index;
    }

    private static RefIndex parse(String value) {
        return switch (value) {
            case "bitmap" -> RefIndex.BITMAP;
            case "list" -> RefIndex.LIST;
            default -> throw new GcConfigException(INDEX_OPTION + ": '" + value + "' is not an index; use bitmap or list");
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RefIndex index() {
        return index;
    }

    @Override
    public void scan(NetMemory net, SlotVisitor visitor) {
        if (index == RefIndex.BITMAP) {
            for (Partition p : net.partitions()) {
                NetMemory.scanBitmap(p, visitor);
            }
        } else {
            net.scanListed(visitor);
        }
    }
}
