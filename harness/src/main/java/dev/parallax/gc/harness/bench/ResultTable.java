package dev.parallax.gc.harness.bench;

import dev.parallax.gc.harness.report.TextTable;
import dev.parallax.gc.harness.report.TextTable.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The GCBench results: a main table (time, pauses, time-to-safepoint) and a detail table (the heap
 * after GC, fragmentation, pinning, the collector's counters), one row per heap, the first row being
 * the baseline that the ratio column divides by; or all columns as one CSV.
 */
public final class ResultTable {
    private record Cell(Column column, Function<BenchRow, String> value) {
    }

    private final List<BenchRow> rows;
    private final List<Cell> main;
    private final List<Cell> detail;

    /** @param rows the baseline first, then the parallax runtimes */
    public ResultTable(List<BenchRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a result table needs at least the baseline row");
        }
        this.rows = List.copyOf(rows);
        double baseline = rows.getFirst().medianMs();
        Cell heap = new Cell(Column.text("heap / strategies"), BenchRow::heap);
        this.main = List.of(heap,
                new Cell(Column.number("median ms"), r -> TextTable.fixed(r.medianMs(), 1)),
                new Cell(Column.number("vs baseline"), r -> TextTable.fixed(r.medianMs() / baseline, 2) + "x"),
                new Cell(Column.number("GCs/body"), r -> TextTable.fixed(r.gc().collectionsPerBody(), 1)),
                new Cell(Column.number("pause ms/body"), r -> TextTable.fixed(r.gc().pauseMsPerBody(), 1)),
                new Cell(Column.number("max pause ms"), r -> TextTable.fixed(r.gc().maxPauseMs(), 2)),
                new Cell(Column.number("p99 pause ms"), r -> TextTable.fixed(r.gc().p99PauseMs(), 2)),
                new Cell(Column.number("max TTS us"), r -> TextTable.fixed(r.gc().maxTimeToSafepointMicros(), 1)));
        this.detail = List.of(heap,
                new Cell(Column.number("p50 pause ms"), r -> TextTable.fixed(r.gc().p50PauseMs(), 2)),
                new Cell(Column.number("heap after GC MiB"), r -> mebibytes(r.gc().heapAfterGcBytes())),
                new Cell(Column.number("frag %"), r -> TextTable.fixed(100 * r.gc().fragmentationAfterGc(), 1)),
                new Cell(Column.number("pinned/GC"), r -> TextTable.fixed(r.gc().pinnedPerGc(), 1)),
                new Cell(Column.text("collector counters (timed total; *-last-gc: the last GC)"), r -> counters(r.gc().counters())));
    }

    /** The main table, a blank line, the detail table. */
    public String render() {
        return table(main).render() + "\n" + table(detail).render();
    }

    /** Every column once, as CSV (RFC 4180 quoting), with the titles as header. */
    public String csv() {
        List<Cell> all = new ArrayList<>(main);
        all.addAll(detail.subList(1, detail.size()));
        return table(all).csv();
    }

    private TextTable table(List<Cell> cells) {
        TextTable table = new TextTable(cells.stream().map(Cell::column).toList());
        for (BenchRow row : rows) {
            table.add(cells.stream().map(c -> c.value().apply(row)).toArray(String[]::new));
        }
        return table;
    }

    /** "cycles=3 increments=120 stw-fallbacks=0", or "-" when the collector reports none. */
    static String counters(Map<String, Long> counters) {
        if (counters.isEmpty()) {
            return "-";
        }
        return counters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String mebibytes(long bytes) {
        return bytes < 0 ? "-" : TextTable.fixed(bytes / (1024.0 * 1024.0), 1);
    }
}
