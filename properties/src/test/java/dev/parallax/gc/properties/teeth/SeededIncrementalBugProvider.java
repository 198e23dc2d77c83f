package dev.parallax.gc.properties.teeth;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;
import dev.parallax.gc.collectors.incremental.IncrementalCollector;
import dev.parallax.gc.collectors.incremental.IncrementalProvider;

/** Makes the incremental collectors with a seeded bug selectable in tests, one provider per bug. */
public abstract class SeededIncrementalBugProvider implements StrategyProvider {
    private final SeededIncrementalBug.Bug bug;

    SeededIncrementalBugProvider(SeededIncrementalBug.Bug bug) {
        this.bug = bug;
    }

    @Override
    public Axis axis() {
        return Axis.COLLECTOR;
    }

    @Override
    public String name() {
        return bug.strategyName;
    }

    @Override
    public String description() {
        return "BROKEN on purpose: incremental, but " + bug.description;
    }

    /** Checked as the shipped incremental collector is. */
    @Override
    public java.util.Map<String, String> checkingOptions() {
        return new IncrementalProvider().checkingOptions();
    }

    @Override
    public Module module() {
        SeededIncrementalBug.Bug seeded = bug;
        return new AbstractModule() {
            @Provides
            Collector collector(GcConfig config) {
                return new SeededIncrementalBug(seeded, new IncrementalCollector(config));
            }
        };
    }

    /** {@code incremental-null-store-unlogged}. */
    public static final class NullStoreUnlogged extends SeededIncrementalBugProvider {
        public NullStoreUnlogged() {
            super(SeededIncrementalBug.Bug.NULL_STORE_UNLOGGED);
        }
    }

    /** {@code incremental-white-allocation}. */
    public static final class WhiteAllocation extends SeededIncrementalBugProvider {
        public WhiteAllocation() {
            super(SeededIncrementalBug.Bug.WHITE_ALLOCATION);
        }
    }
}
