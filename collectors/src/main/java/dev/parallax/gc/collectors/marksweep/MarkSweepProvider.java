package dev.parallax.gc.collectors.marksweep;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes {@code mark-sweep} selectable. */
public final class MarkSweepProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.COLLECTOR;
    }

    @Override
    public String name() {
        return MarkSweepCollector.NAME;
    }

    @Override
    public String description() {
        return "stop-the-world non-moving mark-sweep: header mark bits, explicit mark stack, "
                + "a sweep that coalesces dead space into segregated free lists";
    }

    @Override
    public Module module() {
        return new MarkSweepModule();
    }
}
