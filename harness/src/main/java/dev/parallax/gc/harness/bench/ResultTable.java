package dev.parallax.gc.harness.bench;

import dev.parallax.gc.harness.report.TextTable;
import dev.parallax.gc.harness.report.TextTable.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The GCBench results: a main table (time, its split into mutator and GC, pauses, time-to-safepoint)
 * and a detail table (heap sizes, fragmentation, pinning, warm-up, the collector's counters), one row
 * per heap, the first row being the baseline that the ratio column divides by; or every figure as
 * CSV, one column each, with plain numbers.
 */
public final class ResultTable {
    private record Cell(Column column, Function<BenchRow, String> value) {
    }

    private final List<BenchRow> rows;
    private final long nodesPerBody;
    private final List<Cell> main;
    private final List<Cell> detail;

    /**
     * @param rows         the baseline first, then the parallax runtimes
     * @param nodesPerBody the GCBench nodes one body allocates, for the per-node cost
     */
    public ResultTable(List<BenchRow> rows, long nodesPerBody) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a result table needs at least the baseline row");
        }
        this.rows = List.copyOf(rows);
        this.nodesPerBody = nodesPerBody;
        double baseline = rows.getFirst().medianMs();
        Cell heap = new Cell(Column.text("heap / strategies"), BenchRow::heap);
        this.main = List.of(heap,
                new Cell(Column.number("median ms"), r -> TextTable.fixed(r.medianMs(), 1)),
                new Cell(Column.number("vs baseline"), r -> TextTable.fixed(r.medianMs() / baseline, 2) + "x"),
                new Cell(Column.number("ns/node"), r -> TextTable.fixed(r.nsPerNode(nodesPerBody), 1)),
                new Cell(Column.number("mutator ms"), r -> TextTable.fixed(r.mutatorMs(), 1)),
                new Cell(Column.number("GC ms"), r -> TextTable.fixed(r.medianGcMs(), 1)),
                new Cell(Column.number("GCs/body"), r -> TextTable.fixed(r.gc().collectionsPerBody(), 1)),
                new Cell(Column.number("max pause ms"), r -> TextTable.fixed(r.gc().maxPauseMs(), 2)),
                new Cell(Column.number("p99 pause ms"), r -> TextTable.fixed(r.gc().p99PauseMs(), 2)),
                new Cell(Column.number("max TTS us"), r -> TextTable.fixed(r.gc().maxTimeToSafepointMicros(), 1)));
        this.detail = List.of(heap,
                new Cell(Column.number("heap MiB"), r -> mebibytes(r.heapBytes())),
                new Cell(Column.number("p50 pause ms"), r -> TextTable.fixed(r.gc().p50PauseMs(), 2)),
                new Cell(Column.number("heap after GC MiB"), r -> mebibytes(r.gc().heapAfterGcBytes())),
                new Cell(Column.number("frag %"), r -> TextTable.fixed(100 * r.gc().fragmentationAfterGc(), 1)),
                new Cell(Column.number("pinned/GC"), r -> TextTable.fixed(r.gc().pinnedPerGc(), 1)),
                new Cell(Column.number("warm-up"), r -> r.warmupBodies() + (r.settled() ? "" : "*")),
                new Cell(Column.text("max pause by kind ms"), r -> pausesByKind(r.gc().maxPauseMsByKind())),
                new Cell(Column.text("collector counters (timed totals; *-last-gc: the last GC)"),
                        r -> counters(r.gc().counters())));
    }

    /** The main table, a blank line, the detail table. */
    public String render() {
        return main().render() + "\n" + detail().render();
    }

    /** The main table alone. */
    public TextTable main() {
        return table(main);
    }

    /** The detail table alone. */
    public TextTable detail() {
        return table(detail);
    }

    /**
     * Every figure once, as CSV (RFC 4180 quoting): a header row naming each column with its unit,
     * plain numbers (no "x", no thousands separators), an empty cell for a figure not measured, and
     * one column per collector counter.
     */
    public String csv() {
        double baseline = rows.getFirst().medianMs();
        List<String> counterNames = new ArrayList<>(new TreeSet<>(rows.stream()
                .flatMap(r -> r.gc().counters().keySet().stream()).toList()));
        List<String> kinds = new ArrayList<>(new TreeSet<>(rows.stream()
                .flatMap(r -> r.gc().maxPauseMsByKind().keySet().stream()).toList()));
        List<Cell> cells = new ArrayList<>(List.of(
                new Cell(Column.text("strategies"), BenchRow::heap),
                new Cell(Column.number("median_body_ms"), r -> plain(r.medianMs())),
                new Cell(Column.number("vs_baseline_ratio"), r -> plain(r.medianMs() / baseline)),
                new Cell(Column.number("ns_per_node"), r -> plain(r.nsPerNode(nodesPerBody))),
                new Cell(Column.number("mutator_ms"), r -> plain(r.mutatorMs())),
                new Cell(Column.number("gc_ms"), r -> plain(r.medianGcMs())),
                new Cell(Column.number("pause_ms_per_body_mean"), r -> plain(r.gc().pauseMsPerBody())),
                new Cell(Column.number("collections_per_body"), r -> plain(r.gc().collectionsPerBody())),
                new Cell(Column.number("max_pause_ms"), r -> plain(r.gc().maxPauseMs())),
                new Cell(Column.number("p50_pause_ms"), r -> plain(r.gc().p50PauseMs())),
                new Cell(Column.number("p99_pause_ms"), r -> plain(r.gc().p99PauseMs())),
                new Cell(Column.number("max_tts_us"), r -> plain(r.gc().maxTimeToSafepointMicros())),
                new Cell(Column.number("heap_bytes"), r -> Long.toString(r.heapBytes())),
                new Cell(Column.number("heap_after_gc_bytes"),
                        r -> r.gc().heapAfterGcBytes() < 0 ? "" : Long.toString(r.gc().heapAfterGcBytes())),
                new Cell(Column.number("fragmentation_percent"), r -> plain(100 * r.gc().fragmentationAfterGc())),
                new Cell(Column.number("pinned_per_gc"), r -> plain(r.gc().pinnedPerGc())),
                new Cell(Column.number("warmup_bodies"), r -> Integer.toString(r.warmupBodies())),
                new Cell(Column.text("warmup_settled"), r -> Boolean.toString(r.settled())),
                new Cell(Column.number("timed_bodies"), r -> Integer.toString(r.bodyMs().length))));
        for (String kind : kinds) {
            cells.add(new Cell(Column.number("max_pause_ms_" + kind.replace('-', '_')), r -> {
                Double value = r.gc().maxPauseMsByKind().get(kind);
                return value == null ? "" : plain(value);
            }));
        }
        for (String name : counterNames) {
            cells.add(new Cell(Column.number("counter_" + name.replace('-', '_')), r -> {
                Long value = r.gc().counters().get(name);
                return value == null ? "" : value.toString();
            }));
        }
        return table(cells).csv();
    }

    private TextTable table(List<Cell> cells) {
        TextTable table = new TextTable(cells.stream().map(Cell::column).toList());
        for (BenchRow row : rows) {
            table.add(cells.stream().map(c -> c.value().apply(row)).toArray(String[]::new));
        }
        return table;
    }

    /** "full 12.50 young 1.20" when the pauses were of more than one kind, else "-" (the max pause says it). */
    static String pausesByKind(Map<String, Double> byKind) {
        if (byKind.size() < 2) {
            return "-";
        }
        return byKind.entrySet().stream().map(e -> e.getKey() + " " + TextTable.fixed(e.getValue(), 2))
                .collect(Collectors.joining(" "));
    }

    /** "cycles=3 increments=120 stw-fallbacks=0", or "-" when the collector reports none. */
    static String counters(Map<String, Long> counters) {
        if (counters.isEmpty()) {
            return "-";
        }
        return counters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** A figure for CSV: up to 4 decimals, no exponent; empty when not measured. */
    public static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private static String mebibytes(long bytes) {
        return bytes < 0 ? "-" : TextTable.fixed(bytes / (1024.0 * 1024.0), 1);
    }
}
