package dev.parallax.gc.net.roots;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

import java.util.Map;

/** Makes {@code net-indexed} selectable. */
public final class IndexedRefRootsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.ROOTS;
    }

    @Override
    public String name() {
        return IndexedRefRoots.NAME;
    }

    @Override
    public String description() {
        return "parallax-net Ref cells, found through an index nets keep as Refs are created and freed; "
                + "option net-indexed.index=bitmap|list";
    }

    @Override
    public Module module() {
        return new RefCellRootsModule(IndexedRefRoots.class);
    }

    @Override
    public Map<String, String> options() {
        return Map.of(IndexedRefRoots.INDEX_OPTION, "bitmap (default: one bit per node slot) or list (a remembered "
                + "list of Ref slots per allocating thread)");
    }
}
