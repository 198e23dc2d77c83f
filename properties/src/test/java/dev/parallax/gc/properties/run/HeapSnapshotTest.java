package dev.parallax.gc.properties.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Address resolution in a heap snapshot: starts, interior words, gaps, ids. */
class HeapSnapshotTest {
    // objects of 32, 24 and 16 bytes at 0x1000, 0x1020 and 0x1050 (a 16-byte gap before the last)
    private final HeapSnapshot heap = HeapSnapshot.of(new long[]{0x1000, 0x1020, 0x1050}, new long[]{7, 8, 9},
            new long[]{32, 24, 16});

    @Test
    void anAddressResolvesToTheObjectWhoseCellContainsIt() {
        assertEquals(0, heap.indexContaining(0x1000));
        assertEquals(0, heap.indexContaining(0x1018));
        assertEquals(1, heap.indexContaining(0x1020));
        assertEquals(1, heap.indexContaining(0x1030));
        assertEquals(2, heap.indexContaining(0x1058));
    }

    @Test
    void gapsAndAddressesOutsideTheObjectsResolveToNothing() {
        assertEquals(-1, heap.indexContaining(0x0ff8));
        assertEquals(-1, heap.indexContaining(0x1038));
        assertEquals(-1, heap.indexContaining(0x1048));
        assertEquals(-1, heap.indexContaining(0x1060));
    }

    @Test
    void idsLeadToAddresses() {
        assertEquals(0x1020, heap.addressOf(8));
        assertEquals(0, heap.addressOf(10));
    }
}
