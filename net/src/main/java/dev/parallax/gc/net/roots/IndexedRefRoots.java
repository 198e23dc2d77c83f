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
 * slabs. Option {@value #INDEX_OPTION}: {@code bitmap} (the default: one bit per slot, set and
 * cleared atomically; a scan reads 1/256 of the slab memory plus the Ref cells) or {@code list}
 * (a remembered list per allocating thread; a scan reads the list and each listed slot's header and
 * cell, and drops the slots freed since). The scan experiment measures both.
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
