package dev.parallax.gc.rooting.precise;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes {@code precise} selectable. */
public final class PreciseStackRootsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.ROOTS;
    }

    @Override
    public String name() {
        return PreciseStackRoots.NAME;
    }

    @Override
    public String description() {
        return "mutator stacks through their stack maps: exactly the slots declared as references, all updatable";
    }

    @Override
    public Module module() {
        return new PreciseStackRootsModule();
    }
}
