package dev.parallax.gc.harness.bench;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.runtime.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A bench row runs in a fresh JVM from its config keys: they must load back to the config the row was made from. */
class RowSpecTest {
    @Test
    void everySettingSurvivesTheTripToTheRowsJvm() {
        GcConfig config = new GcConfig("generational", List.of("conservative", "globals"), "high-bit", "back-edge",
                48L << 20, 16 << 10, 2048, 512, 7, true, true, StressMode.ALLOCATION, 3, 1234,
                Map.of("generational.nursery", "0.0625", "generational.workers", "1"));
        assertEquals(config, ConfigLoader.load((Path) null, RowSpec.keys(config)));
    }

    @Test
    void theDefaultsToo() {
        GcConfig config = GcConfig.defaults();
        assertEquals(config, ConfigLoader.load((Path) null, RowSpec.keys(config)));
    }
}
