package dev.parallax.gc.tagging.lowbit;

import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.tagging.TagSchemeContractTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LowBitTagsTest extends TagSchemeContractTest {
    @Override
    protected TagScheme scheme() {
        return new LowBitTags();
    }

    @Override
    protected long heapBase() {
        return 0x7f00_0000_0000L;
    }

    @Test
    void aPointerIsTheAddressItself() {
        assertEquals(0x7f00_1234_5678L, new LowBitTags().tagPointer(0x7f00_1234_5678L));
    }

    @Test
    void misalignedAddressesAndHeapsAreRefused() {
        LowBitTags t = new LowBitTags();
        assertThrows(IllegalArgumentException.class, () -> t.tagPointer(0x1001));
        assertThrows(IllegalArgumentException.class, () -> t.checkAddressRange(0x1004, 0x2000));
    }

    @Test
    void itIsCalledLowBit() {
        org.junit.jupiter.api.Assertions.assertEquals("low-bit", new LowBitTags().name());
    }
}
