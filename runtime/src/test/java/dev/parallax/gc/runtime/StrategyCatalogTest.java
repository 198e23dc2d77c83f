package dev.parallax.gc.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyCatalogTest {
    /** A provider whose answers come from suppliers, so that a test can make one return null or throw. */
    static final class OddProvider implements StrategyProvider {
        private final Supplier<Axis> axis;
        private final Supplier<String> name;

        OddProvider(Supplier<Axis> axis, Supplier<String> name) {
            this.axis = axis;
            this.name = name;
        }

        @Override
        public Axis axis() {
            return axis.get();
        }

        @Override
        public String name() {
            return name.get();
        }

        @Override
        public String description() {
            return "odd";
        }

        @Override
        public Module module() {
            return new AbstractModule() { };
        }
    }

    private static String refused(StrategyProvider provider) {
        return assertThrows(GcConfigException.class, () -> StrategyCatalog.of(List.of(provider))).getMessage();
    }

    @Test
    void aProviderWithoutAnAxisIsRefusedNamingItsClass() {
        String message = refused(new OddProvider(() -> null, () -> "odd"));
        assertEquals("strategy provider " + OddProvider.class.getName()
                + ": axis() returned null; fix or remove the provider", message);
    }

    @Test
    void aProviderWhoseAxisThrowsIsRefusedNamingItsClassAndTheException() {
        String message = refused(new OddProvider(() -> {
            throw new IllegalStateException("not configured");
        }, () -> "odd"));
        assertTrue(message.startsWith("strategy provider " + OddProvider.class.getName() + ": axis() threw "
                + "java.lang.IllegalStateException: not configured"), message);
    }

    @Test
    void aProviderWithoutANameIsRefused() {
        String message = refused(new OddProvider(() -> Axis.TAGS, () -> null));
        assertTrue(message.contains(": name() returned null"), message);
    }

    @Test
    void theOptionsTheBuiltInStrategiesDeclareAreListed() {
        StrategyCatalog catalog = StrategyCatalog.discover();
        assertTrue(catalog.options().keySet().containsAll(List.of("incremental.budget", "incremental.barrier",
                "conservative.decode", "safepoints.interval")), catalog.options().toString());
        catalog.requireOptions(Map.of("incremental.budget", "1", "conservative.decode", "naive"));
        assertTrue(catalog.describe().contains("-o incremental.budget: "), catalog.describe());
    }

    @Test
    void nearestNameToleratesSmallTyposOnly() {
        assertEquals("mark-sweep", NearestName.of("mark-swep", List.of("mark-sweep", "mark-compact")).orElseThrow());
        assertEquals("bench", NearestName.of("benhc", List.of("bench", "check")).orElseThrow());
        assertTrue(NearestName.of("xyz", List.of("bench", "check")).isEmpty());
        assertTrue(NearestName.of("bench", List.of("bench")).isEmpty(), "a valid name needs no hint");
    }
}
