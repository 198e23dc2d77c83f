package dev.parallax.gc.collectors.trace;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.collectors.generational.GenerationalOptions;
import dev.parallax.gc.collectors.immix.ImmixOptions;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worker-count options: the cores by default, a whole number from 1 to 256, an error naming the option otherwise. */
class GcWorkersTest {
    private static GcConfig with(String key, String value) {
        return GcConfig.defaults().withOptions(Map.of(key, value));
    }

    @Test
    void theDefaultIsTheMachinesCores() {
        assertEquals(Runtime.getRuntime().availableProcessors(), GenerationalOptions.from(GcConfig.defaults()).workers());
        assertEquals(Runtime.getRuntime().availableProcessors(), ImmixOptions.from(GcConfig.defaults()).workers());
    }

    @Test
    void aWholeNumberInRangeIsTaken() {
        assertEquals(1, GenerationalOptions.from(with("generational.workers", "1")).workers());
        assertEquals(256, ImmixOptions.from(with("immix.workers", "256")).workers());
    }

    @Test
    void anythingElseIsRefusedNamingTheOption() {
        for (String bad : new String[] {"0", "257", "-1", "two", "1.5", ""}) {
            var e = assertThrows(GcConfigException.class, () -> GenerationalOptions.from(with("generational.workers", bad)));
            assertTrue(e.getMessage().startsWith("generational.workers: '" + bad + "'"), e.getMessage());
            e = assertThrows(GcConfigException.class, () -> ImmixOptions.from(with("immix.workers", bad)));
            assertTrue(e.getMessage().startsWith("immix.workers: '" + bad + "'"), e.getMessage());
        }
    }
}
