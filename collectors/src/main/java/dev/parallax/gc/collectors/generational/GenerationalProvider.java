package dev.parallax.gc.collectors.generational;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

import java.util.Map;

/** Makes {@code generational} selectable. */
public final class GenerationalProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.COLLECTOR;
    }

    @Override
    public String name() {
        return GenerationalCollector.NAME;
    }

    @Override
    public String description() {
        return "generational, built from the toolkit: a copying nursery promoting into a mature Immix (or mark-sweep) space, an "
                + "object-remembering write barrier, minor and full collections on parallel GC workers, large-object space";
    }

    @Override
    public Module module() {
        return new GenerationalModule();
    }

    @Override
    public Map<String, String> options() {
        return Map.of(
                "generational.nursery", "the nursery's share of the heap (default 0.125, at most 0.5)",
                "generational.barrier", "object (the default: object-remembering) or off (unsafe: shows what the "
                        + "barrier costs on a workload that makes no old-to-young pointers)",
                "generational.mature", "immix (the default: survivors bump into free lines, GenImmix) or mark-sweep "
                        + "(segregated size classes, one cell per survivor, GenMS)",
                "generational.workers", "GC threads that trace a collection with the Immix mature space (default: the "
                        + "machine's cores); with the mark-sweep mature space, one",
                "generational.zeroing", "concurrent (the default: a background thread zeroes the nursery's next "
                        + "blocks while the mutators run) or mutator (each mutator zeroes the blocks it gets)",
                "generational.pause-goal-ms", "off (the default: the nursery keeps its share) or a goal for the "
                        + "longest minor pause in milliseconds, e.g. 2: the nursery shrinks until a minor collection "
                        + "of a nursery that survives whole fits it");
    }
}
