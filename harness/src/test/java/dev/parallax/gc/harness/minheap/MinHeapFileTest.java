package dev.parallax.gc.harness.minheap;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV minheap writes, read back by bench --min-heap; and every way a file can be wrong. */
class MinHeapFileTest {
    private static final String WORKLOAD = "GCBench small";
    private static final GcConfig MARK_SWEEP = GcConfig.defaults();
    private static final GcConfig COMPACT_DEBUG = GcConfig.defaults().withCollector("mark-compact").withDebug(true)
            .withOptions(Map.of("safepoints.interval", "4"));

    @TempDir
    Path dir;

    private Path written() throws IOException {
        MinHeapTable table = new MinHeapTable(WORKLOAD, List.of(
                new MinHeapTable.Row(MARK_SWEEP, new MinHeap(336 << 10, 320 << 10, 16 << 10, 9, 58, 1.0, null)),
                new MinHeapTable.Row(COMPACT_DEBUG, new MinHeap(400 << 10, 384 << 10, 16 << 10, 9, 60, 1.0, null)),
                new MinHeapTable.Row(GcConfig.defaults().withCollector("incremental"), new MinHeap(-1, 1 << 30,
                        16 << 10, 12, -1, 1.0, null))));
        return Files.writeString(dir.resolve("min.csv"), table.csv());
    }

    @Test
    void whatMinheapWritesReadsBackByWhatItWasMeasuredFor() throws IOException {
        MinHeapFile file = MinHeapFile.read("--min-heap", written());
        assertEquals(new MinHeapFile.Entry(336 << 10, 16 << 10), file.require(MinHeapKey.of(WORKLOAD, MARK_SWEEP)));
        assertEquals(new MinHeapFile.Entry(400 << 10, 16 << 10), file.require(MinHeapKey.of(WORKLOAD, COMPACT_DEBUG)));
    }

    @Test
    void aRowMeasuredForAnotherWorkloadModeOrOptionIsNotTaken() throws IOException {
        MinHeapFile file = MinHeapFile.read("--min-heap", written());
        for (MinHeapKey other : List.of(MinHeapKey.of("GCBench standard", MARK_SWEEP),
                MinHeapKey.of(WORKLOAD, MARK_SWEEP.withDebug(true)),
                MinHeapKey.of(WORKLOAD, COMPACT_DEBUG.withOptions(Map.of())),
                MinHeapKey.of(WORKLOAD, MARK_SWEEP.withRoots(List.of("conservative", "globals"))))) {
            GcConfigException e = assertThrows(GcConfigException.class, () -> file.require(other));
            assertTrue(e.getMessage().startsWith("--min-heap " + dir.resolve("min.csv") + " has no minimum heap for "
                    + other.describe() + "; it has: mark-sweep / precise+globals / low-bit / allocation (GCBench small, "
                    + "release); "), e.getMessage());
        }
    }

    @Test
    void aRowWhoseSearchFoundNoMinimumIsRefused() throws IOException {
        MinHeapFile file = MinHeapFile.read("--min-heap", written());
        GcConfigException e = assertThrows(GcConfigException.class,
                () -> file.require(MinHeapKey.of(WORKLOAD, GcConfig.defaults().withCollector("incremental"))));
        assertTrue(e.getMessage().endsWith("found no minimum heap"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        GcConfigException e = assertThrows(GcConfigException.class,
                () -> MinHeapFile.read("--min-heap", dir.resolve("nope.csv")));
        assertEquals("--min-heap " + dir.resolve("nope.csv") + ": no such file", e.getMessage());
    }

    @Test
    void aFileThatIsNotMinheapsCsvIsRefused() throws IOException {
        Path bench = Files.writeString(dir.resolve("bench.csv"), "strategies,median_body_ms\nx,1\n");
        GcConfigException e = assertThrows(GcConfigException.class, () -> MinHeapFile.read("--min-heap", bench));
        assertTrue(e.getMessage().contains("not a minimum-heap CSV as 'minheap --csv' writes it (no workload, "
                + "collector"), e.getMessage());
    }

    @Test
    void aBadByteCountOrAShortRecordIsNamedWithItsRecord() throws IOException {
        String header = Files.readAllLines(written()).getFirst();
        Path bad = Files.writeString(dir.resolve("bad.csv"), header
                + "\nGCBench small,mark-sweep,precise+globals,low-bit,allocation,release,lots,,16384,9,58,\n");
        GcConfigException e = assertThrows(GcConfigException.class, () -> MinHeapFile.read("--min-heap", bad));
        assertTrue(e.getMessage().endsWith("record 1: min_heap_bytes = 'lots' is not a positive byte count"),
                e.getMessage());
        Path shortRecord = Files.writeString(dir.resolve("short.csv"), header + "\nGCBench small,mark-sweep\n");
        e = assertThrows(GcConfigException.class, () -> MinHeapFile.read("--min-heap", shortRecord));
        assertTrue(e.getMessage().contains("record 1: 2 fields where the header has 12"), e.getMessage());
    }

    @Test
    void aRepeatedRowIsRefused() throws IOException {
        List<String> lines = Files.readAllLines(written());
        Path twice = Files.writeString(dir.resolve("twice.csv"), String.join("\n", lines) + "\n" + lines.get(1) + "\n");
        GcConfigException e = assertThrows(GcConfigException.class, () -> MinHeapFile.read("--min-heap", twice));
        assertTrue(e.getMessage().contains("record 4: a second minimum for mark-sweep"), e.getMessage());
    }
}
