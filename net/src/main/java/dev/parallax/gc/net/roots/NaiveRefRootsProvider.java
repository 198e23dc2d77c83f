package dev.parallax.gc.net.roots;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes {@code net-naive} selectable. */
public final class NaiveRefRootsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.ROOTS;
    }

    @Override
    public String name() {
        return NaiveRefRoots.NAME;
    }

    @Override
    public String description() {
        return "parallax-net Ref cells, found by walking every slot of every net slab; all updatable";
    }

    @Override
    public Module module() {
        return new RefCellRootsModule(NaiveRefRoots.class);
    }
}
