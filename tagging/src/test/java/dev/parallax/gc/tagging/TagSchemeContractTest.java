package dev.parallax.gc.tagging;

import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.api.tags.ValueKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The {@link TagScheme} contract, checked as properties for any scheme: subclass it with the
 * scheme and a heap range it must accept. Reused for every tag scheme (ours and users').
 */
public abstract class TagSchemeContractTest {
    protected abstract TagScheme scheme();

    /** A heap range the scheme must accept: [base, base + size). */
    protected abstract long heapBase();

    protected long heapSize() {
        return 1L << 30;
    }

    private long alignedAddress(long r) {
        return heapBase() + (Math.floorMod(r, heapSize()) & ~7L);
    }

    @Test
    void pointerRoundTripsAndIsThePointerKind() {
        TagScheme t = scheme();
        t.checkAddressRange(heapBase(), heapBase() + heapSize());
        qt().forAll(longs().all()).checkAssert(r -> {
            long a = alignedAddress(r);
            long w = t.tagPointer(a);
            assertTrue(t.isPointer(w));
            assertEquals(ValueKind.POINTER, t.kindOf(w));
            assertEquals(a, t.untag(w));
        });
    }

    @Test
    void smallIntegersRoundTripAndAreNeverPointers() {
        TagScheme t = scheme();
        qt().forAll(longs().between(t.minSmallInt(), t.maxSmallInt())).checkAssert(v -> {
            long w = t.tagSmallInt(v);
            assertFalse(t.isPointer(w), "small int " + v + " decoded as a pointer");
            assertEquals(ValueKind.SMALL_INT, t.kindOf(w));
            assertEquals(v, t.untagSmallInt(w));
        });
    }

    @Test
    void portsAndImmediatesRoundTripAndAreNeverPointers() {
        TagScheme t = scheme();
        long max = (1L << t.smallIntBits()) - 1;
        qt().forAll(longs().between(0, max)).checkAssert(p -> {
            long port = t.tagPort(p);
            long imm = t.tagImmediate(p);
            assertFalse(t.isPointer(port));
            assertFalse(t.isPointer(imm));
            assertEquals(ValueKind.PORT, t.kindOf(port));
            assertEquals(ValueKind.IMMEDIATE, t.kindOf(imm));
            assertEquals(p, t.untagPort(port));
            assertEquals(p, t.untagImmediate(imm));
        });
    }

    @Test
    void retargetKeepsTheTagAndChangesTheAddress() {
        TagScheme t = scheme();
        qt().forAll(longs().all(), longs().all()).checkAssert((r1, r2) -> {
            long a = alignedAddress(r1);
            long b = alignedAddress(r2);
            long w = t.retarget(t.tagPointer(a), b);
            assertEquals(t.tagPointer(b), w);
            assertEquals(b, t.untag(w));
        });
    }

    @Test
    void nullIsZeroAndNotAPointer() {
        TagScheme t = scheme();
        assertFalse(t.isPointer(0));
        assertEquals(ValueKind.NULL, t.kindOf(0));
    }

    @Test
    void outOfRangeIntegersAreRefused() {
        TagScheme t = scheme();
        assertThrows(IllegalArgumentException.class, () -> t.tagSmallInt(t.maxSmallInt() + 1));
        assertThrows(IllegalArgumentException.class, () -> t.tagSmallInt(t.minSmallInt() - 1));
    }
}
