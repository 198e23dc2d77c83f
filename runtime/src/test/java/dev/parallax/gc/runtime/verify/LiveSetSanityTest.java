package dev.parallax.gc.runtime.verify;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live-set check compares the reachable graph before and after a collection. Changes are planted
 * inside the pause, after the collector ran and before the check (the second VERIFY phase), where
 * the heap verifier alone would not notice them.
 */
class LiveSetSanityTest {
    private GcRuntimeImpl runtime;
    private ObjectModel objects;
    private Mutator m;
    private Shape cons;

    @BeforeEach
    void start() {
        runtime = TestRuntimes.create(TestRuntimes.small().withDebug(true));
        objects = runtime.objects();
        cons = runtime.shapes().define("Cons", 2, 1);            // field 0 raw value, field 1 next
        m = runtime.attach("main");
        m.pushFrame(2);
        for (int i = 0; i < 15; i++) {                           // slot 0: a list of 15 cells, values 0..14
            long cell = m.allocate(cons);
            m.writeRaw(cell, 0, 14 - i);
            m.writeRef(cell, 1, m.ref(0));
            m.setRef(0, cell);
        }
    }

    @AfterEach
    void stop() {
        m.close();
        runtime.close();
    }

    /** Runs {@code plant} (on the list's head address) at the second VERIFY phase of the next collection. */
    private String collectWithPlanted(Consumer<Long> plant) {
        long head = m.ref(0);                                    // mark-sweep does not move it
        int[] verifies = {0};
        runtime.addListener(new GcListener() {
            @Override
            public void phaseStarted(long collection, GcPhase phase) {
                if (phase == GcPhase.VERIFY && ++verifies[0] == 2) {
                    plant.accept(head);
                }
            }
        });
        return assertThrows(HeapCorruptionException.class, m::collect).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + message + "' lacks '" + part + "'");
        }
    }

    @Test
    void aChangedRawFieldIsReported() {
        long headId = m.objectId(m.ref(0));
        String message = collectWithPlanted(head -> objects.setField(head, 0, 42));
        assertContains(message, "live-set sanity check failed for collection #1 (requested)",
                "15 reachable objects before, 15 after", "object #" + headId + " changed: field 0 was 0x0, is 0x2a");
    }

    @Test
    void lostObjectsAreReportedUpToTen() {
        String message = collectWithPlanted(head -> objects.setField(head, 1, 0));   // cut the list after the head
        assertContains(message, "15 reachable objects before, 1 after", "15 difference(s), first 10",
                "was reachable before and is gone after", "changed: field 1 was #");
    }

    @Test
    void twoAddressesWithOneIdAreReported() {
        long headId = m.objectId(m.ref(0));
        String message = collectWithPlanted(head -> objects.store(objects.field(head, 1) + 8, headId));
        assertContains(message, "object id #" + headId + " is at two addresses");
    }

    /** The check's negative control: two faithful collections pass it, and the list is intact and counted. */
    @Test
    void aFaithfulCollectionPasses() {
        m.collect();
        m.collect();
        assertEquals(2, runtime.stats().collections());
        long sum = 0;
        int cells = 0;
        for (long c = m.ref(0); c != 0; c = m.readRef(c, 1)) {
            sum += m.readRaw(c, 0);
            cells++;
        }
        assertEquals(15, cells);
        assertEquals(14 * 15 / 2, sum);
        assertEquals(15L * objects.objectBytes(2), runtime.usage().usedBytes(), "exactly the list survives");
    }
}
