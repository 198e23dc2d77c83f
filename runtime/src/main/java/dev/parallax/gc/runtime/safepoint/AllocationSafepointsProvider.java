package dev.parallax.gc.runtime.safepoint;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

import java.util.Map;

/** Makes the {@code allocation} safepoint policy selectable. */
public final class AllocationSafepointsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.SAFEPOINTS;
    }

    @Override
    public String name() {
        return AllocationSafepoints.NAME;
    }

    @Override
    public String description() {
        return "mutators poll at every N-th allocation (option safepoints.interval, default 1) and nowhere else";
    }

    @Override
    public Module module() {
        return new AllocationSafepointsModule();
    }

    @Override
    public Map<String, String> options() {
        return IntervalOption.DECLARATION;
    }
}
