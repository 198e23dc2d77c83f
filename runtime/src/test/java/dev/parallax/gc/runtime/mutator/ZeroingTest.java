package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * New objects read all zeros although their memory held dirty objects before: in buffers (zeroed in
 * bulk at refill), word by word and chunk by chunk, and as large objects outside any buffer.
 */
class ZeroingTest {
    /** Word counts around the thresholds: 128 bytes word by word, 4 KiB chunks, large above half a 4 KiB buffer. */
    private static final int[] LENGTHS = {0, 1, 4, 14, 15, 16, 40, 250, 254, 255, 600, 3000};

    @ParameterizedTest
    @CsvSource({"mark-sweep, false", "mark-compact, false", "incremental, false", "mark-sweep, true",
            "mark-compact, true"})
    void reusedMemoryIsZeroedForEveryNewObject(String collector, boolean debug) {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withCollector(collector)
                .withHeapBytes(1 << 20).withDebug(debug)); Mutator m = runtime.attach("main")) {
            m.pushFrame(1);
            for (int round = 0; round < 6; round++) {
                for (int i = 0; i < 40; i++) {
                    int length = LENGTHS[(i + round) % LENGTHS.length];
                    long raw = m.allocateRawArray(length);
                    for (int f = 0; f < length; f++) {
                        assertEquals(0, m.readRaw(raw, f), () -> runtime.describe(raw));
                        m.writeRaw(raw, f, -1);
                    }
                    if (i % 7 == 0) {
                        m.setRef(0, raw);                       // some survive, so compaction moves the rest
                    }
                }
                m.collect();
            }
        }
    }
}
