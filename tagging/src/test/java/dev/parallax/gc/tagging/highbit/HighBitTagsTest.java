package dev.parallax.gc.tagging.highbit;

import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.api.tags.ValueKind;
import dev.parallax.gc.tagging.TagSchemeContractTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HighBitTagsTest extends TagSchemeContractTest {
    @Override
    protected TagScheme scheme() {
        return new HighBitTags();
    }

    @Override
    protected long heapBase() {
        return 0x7f00_0000_0000L;
    }

    @Test
    void aPointerWordIsNotTheAddress() {
        long a = 0x7f00_1234_5678L;
        assertNotEquals(a, new HighBitTags().tagPointer(a));
        assertEquals(a, new HighBitTags().untag(new HighBitTags().tagPointer(a)));
    }

    @Test
    void aHeapAbove2To48IsRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HighBitTags().checkAddressRange(0xFFFF_0000_0000L, 0x1_0000_0000_1000L));
        assertTrue(e.getMessage().contains("below 2^48"), e.getMessage());
    }

    /** The last address the scheme can encode is 2^48 - 1: a heap that ends exactly at 2^48 is fine. */
    @Test
    void aHeapEndingExactlyAt2To48IsAccepted() {
        new HighBitTags().checkAddressRange((1L << 48) - 4096, 1L << 48);
        assertThrows(IllegalArgumentException.class, () -> new HighBitTags().checkAddressRange((1L << 48) - 4096,
                (1L << 48) + 8));
    }

    @Test
    void itIsCalledHighBitAndNamesTheKindOfEveryWord() {
        HighBitTags t = new HighBitTags();
        assertEquals("high-bit", t.name());
        assertEquals(ValueKind.POINTER, t.kindOf(t.tagPointer(heapBase())));
        assertEquals(ValueKind.SMALL_INT, t.kindOf(t.tagSmallInt(-3)));
    }

    @Test
    void negativeSmallIntegersSignExtend() {
        HighBitTags t = new HighBitTags();
        assertEquals(-5, t.untagSmallInt(t.tagSmallInt(-5)));
        assertEquals(t.minSmallInt(), t.untagSmallInt(t.tagSmallInt(t.minSmallInt())));
    }

    @Test
    void aWordWithAnUnknownTagIsInvalid() {
        assertEquals(ValueKind.INVALID, new HighBitTags().kindOf(0x00FF_0000_0000_1000L));
    }
}
