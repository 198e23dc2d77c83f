package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.toolkit.SpacesHeap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moving spaces leave pinned objects where they are: API pins (the header bit) and pinning roots. */
class PinningTest {
    @Test
    void aCopySpaceKeepsPinnedObjectsAndTheirBlocksAndMovesTheRest() {
        try (SpacesHeap h = new SpacesHeap(1 << 20, 3)) {
            CopySpace space = h.add(new CopySpace((byte) 1, "copy", h.pages));
            AllocationBuffer buffer = new AllocationBuffer();
            long pinnedByBit = h.allocate(buffer, b -> space.refill(buffer, b, 4096) ? 1 : 0, ObjectKind.RAW_ARRAY, 0, 2);
            long pinnedByRoot = h.allocate(buffer, b -> 1, ObjectKind.RAW_ARRAY, 0, 2);
            long moving = h.allocate(buffer, b -> 1, ObjectKind.RAW_ARRAY, 0, 2);
            h.allocate(buffer, b -> 1, ObjectKind.RAW_ARRAY, 0, 2);   // garbage between them
            h.retire(buffer);
            h.objects.setBits(pinnedByBit, HeaderLayout.PINNED_BIT);
            h.setRoot(0, pinnedByBit);
            h.setRoot(1, moving);
            h.collect(() -> h.tracer.visitPinningRoot(pinnedByRoot));
            assertEquals(pinnedByBit, h.root(0), "an API-pinned object stays");
            assertNotEquals(moving, h.root(1), "an unpinned one is copied out");
            Map<Long, Long> objects = h.walk();
            assertEquals(3, objects.size(), "the two pinned objects and the copy; the garbage is gone");
            assertTrue(objects.containsValue(pinnedByRoot));
            assertEquals(4096 + CopySpace.BLOCK_BYTES, space.committedBytes(), "the pinned objects' page is kept, "
                    + "beside the copy block");
        }
    }

    @Test
    void immixEvacuationSkipsPinnedObjects() {
        try (SpacesHeap h = new SpacesHeap(1 << 20, 2)) {
            ImmixSpace immix = h.add(new ImmixSpace((byte) 1, "immix", h.pages));
            ImmixAllocator allocator = new ImmixAllocator(immix);
            AllocationBuffer buffer = new AllocationBuffer();
            long kept = h.allocate(buffer, b -> allocator.refill(buffer, b) ? 1 : 0, ObjectKind.RAW_ARRAY, 0, 2);
            long moved = h.allocate(buffer, b -> 1, ObjectKind.RAW_ARRAY, 0, 2);
            for (int i = 0; i < 200; i++) {
                h.allocate(buffer, b -> allocator.refill(buffer, b) ? 1 : 0, ObjectKind.RAW_ARRAY, 0, 20);   // garbage
            }
            h.retire(buffer);
            h.objects.setBits(kept, HeaderLayout.PINNED_BIT);
            h.setRoot(0, kept);
            h.setRoot(1, moved);
            h.collect();   // learns the block's live lines: two lines of 128
            allocator.reset();
            h.collect(() -> assertTrue(immix.prepareDefrag(1 << 20) > 0, "the sparse block is a candidate"));
            assertEquals(kept, h.root(0), "pinned: stays in the candidate block");
            assertNotEquals(moved, h.root(1), "evacuated");
            assertEquals(1, immix.evacuated());
            assertEquals(2, h.walk().size());
        }
    }
}
