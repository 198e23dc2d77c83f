package dev.parallax.gc.runtime.safepoint;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

import java.util.Map;

/** Makes the {@code back-edge} safepoint policy selectable. */
public final class BackEdgeSafepointsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.SAFEPOINTS;
    }

    @Override
    public String name() {
        return BackEdgeSafepoints.NAME;
    }

    @Override
    public String description() {
        return "mutators poll at every N-th declared loop back-edge (option safepoints.interval, default 1), "
                + "not on the allocation fast path";
    }

    @Override
    public Module module() {
        return new BackEdgeSafepointsModule();
    }

    @Override
    public Map<String, String> options() {
        return IntervalOption.DECLARATION;
    }
}
