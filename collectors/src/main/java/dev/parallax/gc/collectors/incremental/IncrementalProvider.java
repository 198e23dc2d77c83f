package dev.parallax.gc.collectors.incremental;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

import java.util.Map;

/** Makes {@code incremental} selectable. */
public final class IncrementalProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.COLLECTOR;
    }

    @Override
    public String name() {
        return IncrementalCollector.NAME;
    }

    @Override
    public String description() {
        return "incremental tri-colour mark-sweep paced by allocation, SATB write barrier, black allocation, "
                + "incremental sweeping; options incremental.budget/sweep-budget/trigger/step/barrier";
    }

    @Override
    public Module module() {
        return new IncrementalModule();
    }

    /** One grey object per marking increment and short sweeping increments: marking overlaps the programs' stores. */
    @Override
    public Map<String, String> checkingOptions() {
        return Map.of("incremental.budget", "1", "incremental.sweep-budget", "1024");
    }

    @Override
    public Map<String, String> options() {
        return Map.of(
                "incremental.budget", "grey objects scanned per marking increment (default 10000)",
                "incremental.sweep-budget", "heap bytes swept per sweeping increment (default 1048576)",
                "incremental.trigger", "start a cycle when this fraction of the heap is in use (default 0.5)",
                "incremental.step", "bytes handed to allocation buffers between increments (default 131072)",
                "incremental.barrier", "satb (default) or off (unsafe: shows that the barrier keeps marking correct)");
    }
}
