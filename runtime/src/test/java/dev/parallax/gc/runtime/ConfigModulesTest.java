package dev.parallax.gc.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.util.Modules;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.collectors.incremental.IncrementalCollector;
import dev.parallax.gc.collectors.incremental.IncrementalModule;
import dev.parallax.gc.collectors.incremental.IncrementalOptions;
import dev.parallax.gc.collectors.markcompact.MarkCompactModule;
import dev.parallax.gc.collectors.marksweep.MarkSweepModule;
import dev.parallax.gc.rooting.conservative.ConservativeStackRootsModule;
import dev.parallax.gc.rooting.globals.GlobalTableRootsModule;
import dev.parallax.gc.rooting.precise.PreciseStackRootsModule;
import dev.parallax.gc.runtime.safepoint.BackEdgeSafepointsModule;
import dev.parallax.gc.runtime.safepoint.AllocationSafepointsModule;
import dev.parallax.gc.tagging.lowbit.LowBitTagsModule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Item 4 of issue 9: a runtime built from the user's own Guice modules. */
class ConfigModulesTest {
    private static final GcConfig SETTINGS = TestRuntimes.small();

    /** What a user writes: their choice of strategy modules and the runtime's module. */
    static final class MyGcModule extends AbstractModule {
        @Override
        protected void configure() {
            install(new GcRuntimeModule(SETTINGS));
            install(new MarkSweepModule());
            install(new PreciseStackRootsModule());
            install(new GlobalTableRootsModule());
            install(new LowBitTagsModule());
            install(new AllocationSafepointsModule());
        }
    }

    /** Allocates a pair, keeps it in a stack slot across a full collection and reads it back. */
    private static void survivesACollection(GcRuntime runtime) {
        try (Mutator m = runtime.attach("user")) {
            Shape pair = runtime.shapes().define("Cell", 1);
            m.pushFrame(1);
            m.setRef(0, m.allocate(pair));
            m.writeRaw(m.ref(0), 0, 42);
            m.collect();
            assertEquals(42, m.readRaw(m.ref(0), 0));
            m.popFrame();
        }
        assertTrue(runtime.stats().collections() >= 1);
    }

    @Test
    void aRuntimeFromTheUsersOwnModulesRuns() {
        try (GcRuntime runtime = Guice.createInjector(new MyGcModule()).getInstance(GcRuntime.class)) {
            assertEquals("mark-sweep / precise+globals / low-bit / allocation", runtime.config().strategies());
            assertEquals(SETTINGS.heapBytes(), runtime.usage().capacityBytes());
            survivesACollection(runtime);
        }
    }

    @Test
    void modulesOverrideSwapsOneAxis() {
        try (GcRuntime runtime = Guice.createInjector(Modules.override(new MyGcModule()).with(new MarkCompactModule()))
                .getInstance(GcRuntime.class)) {
            assertEquals("mark-compact / precise+globals / low-bit / allocation", runtime.config().strategies());
            survivesACollection(runtime);
        }
    }

    @Test
    void optionsCanBeGivenToAModulesConstructor() {
        IncrementalOptions options = new IncrementalOptions(64, 1 << 16, 0.25, 4096, true);
        var injector = Guice.createInjector(Modules.override(new MyGcModule()).with(new IncrementalModule(options),
                new BackEdgeSafepointsModule(4)));
        try (GcRuntime runtime = injector.getInstance(GcRuntime.class)) {
            assertEquals("incremental / precise+globals / low-bit / back-edge", runtime.config().strategies());
            IncrementalCollector collector = assertInstanceOf(IncrementalCollector.class,
                    injector.getInstance(Collector.class));
            assertEquals("incremental", collector.name());
            survivesACollection(runtime);
        }
    }

    @Test
    void anImpossiblePairingFailsAtInjectorCreationWithTodaysMessage() {
        String today = assertThrows(GcConfigException.class, () -> GcRuntimes.create(
                SETTINGS.withCollector("test-unpinnable-mover").withRoots(List.of("conservative")),
                TestStrategies.catalog())).getMessage();
        CreationException e = assertThrows(CreationException.class, () -> Guice.createInjector(
                new GcRuntimeModule(SETTINGS), new ConservativeStackRootsModule(), new LowBitTagsModule(),
                new AllocationSafepointsModule(), new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Collector.class).to(TestStrategies.UnpinnableMover.class);
                    }
                }));
        GcConfigException cause = assertInstanceOf(GcConfigException.class, e.getCause());
        assertEquals(today, cause.getMessage());
    }

    @Test
    void aProfileIsAModuleToo() {
        try (GcRuntime runtime = Guice.createInjector(new GcRuntimeModule(SETTINGS), Profile.LOW_LATENCY.module())
                .getInstance(GcRuntime.class)) {
            assertEquals("incremental / precise+globals / low-bit / back-edge", runtime.config().strategies());
            survivesACollection(runtime);
        }
        assertEquals(Profile.CONSERVATIVE_STACK, Profile.named("conservative-stack"));
        String unknown = assertThrows(GcConfigException.class, () -> Profile.named("low-latancy")).getMessage();
        assertTrue(unknown.startsWith("unknown profile 'low-latancy' (did you mean 'low-latency'?)"), unknown);
    }

    @Test
    void aProfileLiesBeneathTheConfigFileAndTheFlags() {
        GcConfig config = ConfigLoader.load(Profile.LOW_LATENCY, null, java.util.Map.of("safepoints", "allocation"));
        assertEquals("incremental / precise+globals / low-bit / allocation", config.strategies());
    }
}
