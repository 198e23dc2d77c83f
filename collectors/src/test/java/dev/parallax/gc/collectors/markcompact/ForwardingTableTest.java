package dev.parallax.gc.collectors.markcompact;

import dev.parallax.gc.api.object.HeapCorruptionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forwarding table's lookup: exact starts only, and nothing left over from an earlier collection. */
class ForwardingTableTest {
    private static final long BASE = 0x10_0000;

    @Test
    void forwardsExactlyTheLiveStartsAndRefusesAnythingElse() {
        ForwardingTable t = new ForwardingTable(BASE, BASE + 8192);
        t.add(BASE + 64, BASE);
        t.add(BASE + 600, BASE + 40);
        t.seal();
        assertEquals(2, t.size());
        assertEquals(BASE, t.forward(BASE + 64));
        assertEquals(BASE + 40, t.forward(BASE + 600));
        assertTrue(assertThrows(HeapCorruptionException.class, () -> t.forward(BASE + 72)).getMessage()
                .contains("not a live object start"));
        assertThrows(HeapCorruptionException.class, () -> t.forward(BASE + 5000)); // past the last entry: the sentinel
    }

    /** After clear, a second collection's lookups never find the first collection's entries. */
    @Test
    void aClearedTableForgetsTheEntriesOfTheLastCollection() {
        ForwardingTable t = new ForwardingTable(BASE, BASE + 8192);
        for (long a = BASE + 4096; a < BASE + 4096 + 400; a += 40) {
            t.add(a, a - 4096);
        }
        t.seal();
        t.clear();
        t.add(BASE + 8, BASE);
        t.seal();
        assertEquals(BASE, t.forward(BASE + 8));
        assertThrows(HeapCorruptionException.class, () -> t.forward(BASE + 4096 + 80));
    }

    @Test
    void growsPastItsFirstCapacity() {
        ForwardingTable t = new ForwardingTable(BASE, BASE + (1 << 20));
        for (int i = 0; i < 3000; i++) {
            t.add(BASE + 16L * i, BASE + 8L * i);
        }
        t.seal();
        assertEquals(3000, t.size());
        assertEquals(BASE + 8L * 2999, t.forward(BASE + 16L * 2999));
        assertEquals(BASE + 16L * 1234, t.oldAddress(1234));
        assertEquals(BASE + 8L * 1234, t.newAddress(1234));
    }

    @Test
    void anObjectInTheLastBlockIsForwarded() {
        ForwardingTable t = new ForwardingTable(BASE, BASE + 8192);
        t.add(BASE + 8192 - 16, BASE);
        t.seal();
        assertEquals(BASE, t.forward(BASE + 8192 - 16));
    }

    /** Exactly the first capacity's worth of entries, then the seal's sentinel after them. */
    @Test
    void exactlyAsManyEntriesAsTheFirstCapacityAreSealed() {
        ForwardingTable t = new ForwardingTable(BASE, BASE + (1 << 20));
        for (int i = 0; i < 1024; i++) {
            t.add(BASE + 16L * i, BASE + 8L * i);
        }
        t.seal();
        assertEquals(1024, t.size());
        assertEquals(BASE + 8L * 1023, t.forward(BASE + 16L * 1023));
        assertThrows(HeapCorruptionException.class, () -> t.forward(BASE + 16L * 1024));
    }
}
