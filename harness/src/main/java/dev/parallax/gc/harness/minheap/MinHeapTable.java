package dev.parallax.gc.harness.minheap;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.harness.report.TextTable;
import dev.parallax.gc.harness.report.TextTable.Column;

import java.util.List;

/**
 * The minimum heaps of a run of {@code minheap}: a table for people (collector, roots, the minimum,
 * the largest heap that ran out of memory, the trials, the collections at the minimum) and CSV with
 * plain byte counts, which {@link MinHeapFile} reads back.
 */
public final class MinHeapTable {
    /** A configuration and what its search found. */
    public record Row(GcConfig config, MinHeap result) {
    }

    /** CSV columns {@link MinHeapFile} reads. */
    static final String WORKLOAD = "workload";
    static final String COLLECTOR = "collector";
    static final String ROOTS = "roots";
    static final String TAGS = "tags";
    static final String SAFEPOINTS = "safepoints";
    static final String SETTINGS = "settings";
    static final String MIN_HEAP = "min_heap_bytes";
    static final String GRANULARITY = "granularity_bytes";

    private final String workload;
    private final List<Row> rows;

    /**
     * @param workload what the trials ran, e.g. "GCBench standard" (a column of the CSV)
     * @param rows     one per configuration searched, in order
     */
    public MinHeapTable(String workload, List<Row> rows) {
        this.workload = workload;
        this.rows = List.copyOf(rows);
    }

    /** The table: a row per configuration. */
    public TextTable table() {
        TextTable table = new TextTable(List.of(Column.text("collector"), Column.text("roots"),
                Column.number("minimum heap"), Column.number("largest failed"), Column.number("trials"),
                Column.number("GCs at minimum")));
        for (Row row : rows) {
            MinHeap r = row.result();
            table.add(row.config().collector(), String.join("+", row.config().roots()), minimum(r),
                    MinHeap.size(r.largestFailedBytes()), Integer.toString(r.trials()),
                    r.collectionsAtMin() < 0 ? "-" : TextTable.count(r.collectionsAtMin()));
        }
        return table;
    }

    /** The minimum for the table: a size, "ERROR" or "> max" when the largest heap tried did not suffice. */
    private static String minimum(MinHeap r) {
        if (r.error() != null) {
            return "ERROR (see below)";
        }
        return r.found() ? MinHeap.size(r.minBytes()) : "> " + MinHeap.size(r.largestFailedBytes());
    }

    /** Every row as CSV: what it was measured for, then plain byte counts (empty when there are none). */
    public String csv() {
        TextTable csv = new TextTable(List.of(Column.text(WORKLOAD), Column.text(COLLECTOR), Column.text(ROOTS),
                Column.text(TAGS), Column.text(SAFEPOINTS), Column.text(SETTINGS), Column.number(MIN_HEAP),
                Column.number("largest_failed_bytes"), Column.number(GRANULARITY), Column.number("trials"),
                Column.number("collections_at_min"), Column.text("error")));
        for (Row row : rows) {
            MinHeapKey key = MinHeapKey.of(workload, row.config());
            MinHeap r = row.result();
            csv.add(key.workload(), key.collector(), key.roots(), key.tags(), key.safepoints(), key.settings(),
                    bytes(r.minBytes()), bytes(r.largestFailedBytes()), Long.toString(r.granularity()),
                    Integer.toString(r.trials()), bytes(r.collectionsAtMin()),
                    r.error() == null ? "" : r.error().describe());
        }
        return csv.csv();
    }

    /** The rows whose search stopped at an error. */
    public List<Row> errors() {
        return rows.stream().filter(r -> r.result().error() != null).toList();
    }

    private static String bytes(long value) {
        return value < 0 ? "" : Long.toString(value);
    }
}
