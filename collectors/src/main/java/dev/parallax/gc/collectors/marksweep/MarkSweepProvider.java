package dev.parallax.gc.collectors.marksweep;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

import java.util.Map;

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
        return "stop-the-world non-moving mark-sweep: side mark bitmap (or header bits, option mark-sweep.marks), "
                + "explicit mark stack, a sweep that coalesces dead space into segregated free lists";
    }

    @Override
    public Module module() {
        return new MarkSweepModule();
    }

    @Override
    public Map<String, String> options() {
        return Map.of(MarkSweepCollector.MARKS_OPTION, "where marks live: bitmap (a side bitmap, the default: the "
                + "sweep skips dead objects) or header (the header's MARK bit: the sweep walks every cell)",
                MarkSweepCollector.ZEROING_OPTION, "concurrent (the default: after each pause the first buffer refill "
                + "carves the free lists into buffer-sized chunks, which a background thread zeroes while the "
                + "mutators run) or mutator (each mutator zeroes the buffers it gets)");
    }
}
