package dev.parallax.gc.net;

import dev.parallax.gc.api.roots.TaggedCells;
import dev.parallax.gc.net.roots.IndexedRefRoots;
import dev.parallax.gc.net.roots.NaiveRefRoots;
import dev.parallax.gc.net.roots.ParallelRefRoots;
import dev.parallax.gc.net.roots.RefCellRoots;
import dev.parallax.gc.net.slab.Allocator;
import dev.parallax.gc.net.slab.NetMemory;
import dev.parallax.gc.net.slab.Partition;
import dev.parallax.gc.net.slab.Ports;
import dev.parallax.gc.net.slab.RefIndex;
import dev.parallax.gc.tagging.highbit.HighBitTags;
import dev.parallax.gc.tagging.lowbit.LowBitTags;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Ref-cell root strategies report exactly the live Ref cells, each once; moved cells keep their tag. */
class RefCellRootsTest {
    /** Every strategy, including the parallel walk with chunks smaller than a partition. */
    private static List<RefCellRoots> strategies() {
        return List.of(new NaiveRefRoots(), new IndexedRefRoots(RefIndex.BITMAP), new IndexedRefRoots(RefIndex.LIST),
                new ParallelRefRoots(1), new ParallelRefRoots(3));
    }

    @Test
    void eachStrategyReportsEveryLiveCellOnceThroughCreationsFreesAndReuse() {
        SplittableRandom random = new SplittableRandom(5);
        try (NetMemory memory = new NetMemory(3, 2, 200_000, 16, RefIndex.BOTH)) {
            Allocator[] allocators = {memory.builder(), memory.worker(0), memory.worker(1)};
            List<Long> live = new ArrayList<>();
            Map<Long, Long> words = new HashMap<>();
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 120_000; i++) {
                    Allocator a = allocators[random.nextInt(allocators.length)];
                    int what = random.nextInt(10);
                    if (what < 4) {
                        long word = (long) (round * 1_000_000 + i) << 3;
                        long id = a.ref(word);
                        live.add(id);
                        words.put(id, word);
                    } else if (what < 7 && !live.isEmpty()) {
                        long id = live.remove(random.nextInt(live.size()));
                        words.remove(id);
                        a.freeRef(id); // freed by any thread, possibly not the one that made it
                    } else {
                        long id = a.node(Ports.CON, 0, Ports.ERASER, Ports.ERASER);
                        if (random.nextBoolean()) {
                            a.free(id);
                        }
                    }
                }
                for (RefCellRoots roots : strategies()) {
                    Map<Long, Integer> seen = new HashMap<>();
                    roots.scan(memory, (region, offset) -> seen.merge(region.get(ValueLayout.JAVA_LONG, offset), 1, Integer::sum));
                    assertEquals(live.size(), seen.size(), roots.name() + " " + roots.index() + ", round " + round);
                    for (long id : live) {
                        assertEquals(1, seen.getOrDefault(words.get(id), 0), roots.name() + " " + roots.index()
                                + ": the cell of Ref " + Long.toHexString(id) + " reported once");
                    }
                }
            }
            assertEquals(live.size(), memory.countRefs());
        }
    }

    /**
     * The naive walk reads 64 slots at a time: runs of nothing but Refs (a straight loop), mixed chunks
     * (a mask's bits), a last chunk cut short, ranges that start and end inside a chunk, and Refs whose
     * cell sits in another partition's table all report exactly the slots a plain walk of every header
     * finds, in slot order.
     */
    @Test
    void theNaiveWalkReportsRunsOfRefsMixedChunksAndCellsOfOtherPartitionsInSlotOrder() {
        try (NetMemory memory = new NetMemory(2, 1, 1000, 16, RefIndex.NONE)) {
            Allocator builder = memory.builder();
            Allocator worker = memory.worker(0);
            List<Long> refs = new ArrayList<>();
            List<Long> cons = new ArrayList<>();
            for (int i = 0; i < 2 * 150; i++) { // slots 0..149 of each partition: two full chunks of Refs, one short
                refs.add(builder.ref(8L * i));
            }
            for (int i = 0; i < 2 * 200; i++) { // then a random mix
                if ((i * 7919) % 3 == 0) {
                    refs.add(builder.ref(8L * (1000 + i)));
                } else {
                    cons.add(builder.node(Ports.CON, 0, Ports.ERASER, Ports.ERASER));
                }
            }
            // a Ref freed, then a constructor of the other partition freed: the next Ref takes the
            // constructor's slot and the Ref's cell, so its cell is in another partition's table
            int moved = 0;
            for (int i = 0; i < 40; i++) {
                long ref = refs.remove(3 * i);
                long con = cons.stream().filter(c -> Partition.partitionOf(c) != Partition.partitionOf(ref))
                        .findFirst().orElseThrow();
                cons.remove(con);
                worker.freeRef(ref);
                worker.free(con);
                long id = worker.ref(8L * (5000 + i));
                assertEquals(con, id);
                moved += Partition.partitionOf(memory.partition(id).cellId(Partition.slotOf(id))) != Partition.partitionOf(id) ? 1 : 0;
                refs.add(id);
            }
            assertEquals(40, moved, "every reused Ref's cell is in the other partition");
            for (Partition p : memory.partitions()) {
                long[][] ranges = {{0, p.top()}, {5, 140}, {64, 128}, {63, 65}, {100, p.top()}, {7, 7}};
                for (long[] r : ranges) {
                    List<Long> expected = new ArrayList<>();
                    for (long slot = r[0]; slot < r[1]; slot++) {
                        if ((p.header(slot) & Partition.KIND_MASK) == Ports.REF) {
                            expected.add(memory.cell(Partition.nodeId(p.index(), slot)));
                        }
                    }
                    List<Long> seen = new ArrayList<>();
                    memory.scanSlots(p, r[0], r[1], (region, offset) -> seen.add(region.get(ValueLayout.JAVA_LONG, offset)));
                    assertEquals(expected, seen, "partition " + p.index() + ", slots " + r[0] + " to " + r[1]);
                }
            }
            assertEquals(refs.size(), memory.countRefs());
        }
    }

    @Test
    void aStrategyRefusesANetWithoutItsIndex() {
        try (NetMemory memory = new NetMemory(1, 1, 16, 16, RefIndex.NONE)) {
            assertThrows(IllegalArgumentException.class, () -> new IndexedRefRoots(RefIndex.BITMAP).register(memory));
            new NaiveRefRoots().register(memory);
        }
    }

    /** The moving collectors' root update: one CAS keeping the tag; a concurrent writer's newer value is never lost. */
    @Test
    void retargetingACellKeepsItsTagAndLosesNoConcurrentWrite() {
        for (var tags : List.of(new LowBitTags(), new HighBitTags())) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment cell = arena.allocate(8, 8);
                long a = 0x7000_0000_1000L;
                long b = 0x7000_0000_2000L;
                long c = 0x7000_0000_3000L;
                long seen = tags.tagPointer(a);
                cell.set(ValueLayout.JAVA_LONG, 0, seen);
                assertTrue(TaggedCells.retarget(cell, 0, seen, b, tags), tags.name());
                assertEquals(tags.tagPointer(b), cell.get(ValueLayout.JAVA_LONG, 0), tags.name());
                // a writer stored another object after the collector read the cell: its value stands
                cell.set(ValueLayout.JAVA_LONG, 0, tags.tagPointer(c));
                assertFalse(TaggedCells.retarget(cell, 0, seen, b, tags), tags.name());
                assertEquals(tags.tagPointer(c), cell.get(ValueLayout.JAVA_LONG, 0), tags.name());
                // a writer stored an integer: it stands too
                cell.set(ValueLayout.JAVA_LONG, 0, tags.tagSmallInt(7));
                assertFalse(TaggedCells.retarget(cell, 0, tags.tagPointer(c), a, tags), tags.name());
                assertEquals(tags.tagSmallInt(7), cell.get(ValueLayout.JAVA_LONG, 0), tags.name());
            }
        }
    }

    @Test
    void freedCellsArePackedAndReused() {
        try (NetMemory memory = new NetMemory(1, 1, 1000, 16, RefIndex.BITMAP)) {
            Allocator b = memory.builder();
            List<Long> refs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                refs.add(b.ref(8L * i));
            }
            for (long id : refs) {
                b.freeRef(id);
            }
            for (int i = 0; i < 100; i++) {
                b.ref(8L * i);
            }
            Partition p = memory.partitions()[0];
            assertEquals(100, p.cellTop(), "the second hundred Refs reuse the first hundred's cells");
        }
    }
}
