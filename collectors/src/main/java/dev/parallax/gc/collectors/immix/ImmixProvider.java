package dev.parallax.gc.collectors.immix;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

import java.util.Map;

/** Makes {@code immix} selectable. */
public final class ImmixProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.COLLECTOR;
    }

    @Override
    public String name() {
        return ImmixCollector.NAME;
    }

    @Override
    public String description() {
        return "mark-region (Immix), built from the toolkit: 32 KiB blocks of 256-byte lines, bump allocation into "
                + "holes, opportunistic evacuation of sparse blocks, parallel marking, large-object space";
    }

    @Override
    public Module module() {
        return new ImmixModule();
    }

    @Override
    public Map<String, String> options() {
        return Map.of(
                "immix.workers", "GC threads that trace a collection without evacuation (default: the machine's cores)",
                "immix.defrag", "when to evacuate sparse blocks: auto (the default: when the last collection left "
                        + ImmixOptions.SPARSE_BLOCKS + " blocks at most half live), always or never",
                "immix.zeroing", "concurrent (the default: a background thread zeroes fresh blocks while the "
                        + "mutators run) or mutator (each mutator zeroes the blocks it gets)");
    }
}
