package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.TestRuntimes;
import dev.parallax.gc.runtime.TestStrategies;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinningTest {
    @Test
    void aPinnedObjectStaysPutUnderACompactingCollectorWhileItsNeighboursMove() {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withCollector("mark-compact").withDebug(true));
             Mutator m = runtime.attach("main")) {
            m.pushFrame(3);
            m.allocateRawArray(100);                            // garbage below: compaction slides over it
            m.setRef(0, m.boxLong(1));
            m.setRef(1, m.boxLong(2));
            m.pin(m.ref(1));
            long pinned = m.ref(1);
            long unpinned = m.ref(0);
            m.collect();
            assertEquals(pinned, m.ref(1), "pinned: same address");
            assertNotEquals(unpinned, m.ref(0), "not pinned: slid down");
            assertEquals(1, m.unboxLong(m.ref(0)));
            assertEquals(2, m.unboxLong(m.ref(1)));
            assertTrue(runtime.objects().isPinned(m.ref(1)));
            m.unpin(m.ref(1));
        }
    }

    @Test
    void pinningIsRefusedWhenTheCollectorCannotPin() {
        try (GcRuntimeImpl runtime = GcRuntimes.create(TestRuntimes.small().withCollector("test-unpinnable-mover"),
                TestStrategies.catalog()); Mutator m = runtime.attach("main")) {
            long box = m.boxLong(3);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.pin(box));
            assertTrue(e.getMessage().contains("does not support pinning") && e.getMessage().contains("BOXED_LONG at 0x"),
                    e.getMessage());
        }
    }
}
