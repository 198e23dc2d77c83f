package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.HeapExhaustedException;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live data bigger than the heap: a clean HeapExhaustedException, an intact heap, and recovery once roots go. */
class OutOfMemoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact", "incremental"})
    void liveDataBiggerThanTheHeapFailsCleanlyAndTheRuntimeRecovers(String collector) {
        GcConfig config = TestRuntimes.small().withCollector(collector).withHeapBytes(256 * 1024).withDebug(true);
        try (GcRuntimeImpl runtime = TestRuntimes.create(config); Mutator m = runtime.attach("main")) {
            Shape cons = runtime.shapes().define("Cons", 3, 2);   // two raw words, field 2 next: 40 bytes
            m.pushFrame(1);
            int length = 0;
            HeapExhaustedException oom = null;
            while (oom == null) {
                try {
                    long cell = m.allocate(cons);
                    m.writeRaw(cell, 0, length);
                    m.writeRef(cell, 2, m.ref(0));
                    m.setRef(0, cell);
                    length++;
                } catch (HeapExhaustedException e) {
                    oom = e;
                }
            }
            assertTrue(length > 256 * 1024 / 40 / 2, "most of the heap was used: " + length);
            assertEquals(40, oom.requestedBytes());
            assertTrue(oom.getMessage().startsWith("out of memory: mutator 'main' asked for 40 bytes; after a full "
                    + collector + " collection the heap of 262,144 bytes holds"), oom.getMessage());
            assertEquals(1, runtime.stats().outOfMemoryErrors());

            int seen = 0;                                         // the list is intact, newest first
            for (long c = m.ref(0); c != 0; c = m.readRef(c, 2)) {
                assertEquals(length - 1 - seen, m.readRaw(c, 0));
                seen++;
            }
            assertEquals(length, seen);

            m.clear(0);                                           // release the roots: allocation works again
            for (int i = 0; i < 3 * length; i++) {
                m.allocate(cons);
            }
            assertEquals(1, runtime.stats().outOfMemoryErrors());
        }
    }

    @org.junit.jupiter.api.Test
    void aSingleRequestBiggerThanTheHeapFailsWithItsSizeAndSmallerOnesStillSucceed() {
        GcConfig config = TestRuntimes.small().withHeapBytes(256 * 1024);
        try (GcRuntimeImpl runtime = TestRuntimes.create(config); Mutator m = runtime.attach("main")) {
            m.pushFrame(1);
            m.setRef(0, m.allocateRawArray(4000));               // 32 KB live
            HeapExhaustedException e = assertThrows(HeapExhaustedException.class, () -> m.allocateRawArray(40_000));
            assertEquals(runtime.objects().objectBytes(40_000), e.requestedBytes());
            assertTrue(e.usage().usedBytes() >= runtime.objects().objectBytes(4000), e.usage().toString());
            assertEquals(4000, m.length(m.ref(0)));
            m.allocateRawArray(10_000);                           // 80 KB still fits
        }
    }
}
