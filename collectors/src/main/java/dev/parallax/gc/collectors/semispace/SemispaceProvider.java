package dev.parallax.gc.collectors.semispace;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes {@code semispace} selectable. */
public final class SemispaceProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.COLLECTOR;
    }

    @Override
    public String name() {
        return SemispaceCollector.NAME;
    }

    @Override
    public String description() {
        return "copying between semispaces (Cheney; pinned objects stay, as in Bartlett's mostly-copying), built "
                + "from the toolkit: copy space, large-object space, "
                + "immortal space; half the copy space is the copy reserve";
    }

    @Override
    public Module module() {
        return new SemispaceModule();
    }
}
