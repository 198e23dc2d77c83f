package dev.parallax.gc.runtime.verify;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.TestRuntimes;
import dev.parallax.gc.runtime.TestStrategies;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The division of labour between the modes: a broken collector (one that loses a root) corrupts the
 * heap silently in release mode, which trusts the heap as benchmarks run it, and the next debug run
 * of the same program names the slot and the object it lost.
 */
class ReleaseThenDebugTest {
    private static final long MARKER = 0x5EED_5EEDL;

    /** Holds a box in the last root slot, collects, and returns what the box then holds. */
    private static long program(GcRuntimeImpl runtime) {
        try (Mutator m = runtime.attach("m")) {
            Shape box = runtime.shapes().define("Box", 2);
            m.pushFrame(runtime.frames().define("two boxes", 2, 0, 1));
            m.setRef(0, m.allocate(box));
            m.setRef(1, m.allocate(box));
            m.writeRaw(m.ref(1), 0, MARKER);
            m.collect();
            long held = m.readRaw(m.ref(1), 0);
            m.popFrame();
            return held;
        }
    }

    private static GcRuntimeImpl broken(boolean debug) {
        GcConfig config = TestRuntimes.small().withCollector("test-root-dropping").withDebug(debug);
        return GcRuntimes.create(config, TestStrategies.catalog());
    }

    @Test
    void releaseModeCorruptsSilentlyAndTheNextDebugRunNamesTheLostObject() {
        try (GcRuntimeImpl release = broken(false)) {
            assertNotEquals(MARKER, program(release), "the box was freed under the mutator: its word is now a free-list link");
        }
        try (GcRuntimeImpl debug = broken(true)) {
            HeapCorruptionException e = assertThrows(HeapCorruptionException.class, () -> program(debug));
            assertTrue(e.getMessage().contains("frame 0 ('two boxes') slot 1") && e.getMessage().contains("FREE"),
                    e.getMessage());
        }
    }

    @Test
    void theCorrectCollectorKeepsTheBoxInBothModes() {
        for (boolean debug : new boolean[]{false, true}) {
            try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withDebug(debug))) {
                assertTrue(program(runtime) == MARKER, "debug " + debug);
            }
        }
    }
}
