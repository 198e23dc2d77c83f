package dev.parallax.gc.collectors.markcompact;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes {@code mark-compact} selectable. */
public final class MarkCompactProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.COLLECTOR;
    }

    @Override
    public String name() {
        return MarkCompactCollector.NAME;
    }

    @Override
    public String description() {
        return "stop-the-world sliding compaction in allocation order (side forwarding table); pinned objects "
                + "stay and the gaps before them are the fragmentation left; bump allocation afterwards";
    }

    @Override
    public Module module() {
        return new MarkCompactModule();
    }
}
