package dev.parallax.gc.harness.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The GCBench results as an aligned text table or as CSV: one row per heap, the first row being
 * the baseline that the ratio column divides by.
 */
public final class ResultTable {
    private record Column(String title, boolean numeric, Function<BenchRow, String> cell) {
    }

    private final List<BenchRow> rows;
    private final List<Column> columns;

    /** @param rows the baseline first, then the parallax runtimes */
    public ResultTable(List<BenchRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a result table needs at least the baseline row");
        }
        this.rows = List.copyOf(rows);
        double baseline = rows.getFirst().medianMs();
        this.columns = List.of(
                new Column("heap / strategies", false, BenchRow::heap),
                new Column("median ms", true, r -> fixed(r.medianMs(), 1)),
                new Column("vs baseline", true, r -> fixed(r.medianMs() / baseline, 2) + "x"),
                new Column("GCs/body", true, r -> fixed(r.gc().collectionsPerBody(), 1)),
                new Column("pause ms/body", true, r -> fixed(r.gc().pauseMsPerBody(), 1)),
                new Column("max pause ms", true, r -> fixed(r.gc().maxPauseMs(), 2)),
                new Column("p50 pause ms", true, r -> fixed(r.gc().p50PauseMs(), 2)),
                new Column("p99 pause ms", true, r -> fixed(r.gc().p99PauseMs(), 2)),
                new Column("heap after GC MiB", true, r -> mebibytes(r.gc().heapAfterGcBytes())),
                new Column("max TTS us", true, r -> fixed(r.gc().maxTimeToSafepointMicros(), 1)));
    }

    /** The table with a header line and a rule, columns padded to their widest cell. */
    public String render() {
        List<String[]> cells = cells();
        int[] width = new int[columns.size()];
        for (String[] line : cells) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            appendLine(out, cells.get(i), width);
            if (i == 0) {
                appendLine(out, rule(width), width);
            }
        }
        return out.toString();
    }

    /** The same rows as CSV (RFC 4180 quoting), with the column titles as header. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        for (String[] line : cells()) {
            for (int c = 0; c < line.length; c++) {
                out.append(c == 0 ? "" : ",").append(csvField(line[c]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private List<String[]> cells() {
        List<String[]> cells = new ArrayList<>();
        cells.add(columns.stream().map(Column::title).toArray(String[]::new));
        for (BenchRow row : rows) {
            cells.add(columns.stream().map(c -> c.cell().apply(row)).toArray(String[]::new));
        }
        return cells;
    }

    private void appendLine(StringBuilder out, String[] line, int[] width) {
        for (int c = 0; c < line.length; c++) {
            String pad = " ".repeat(width[c] - line[c].length());
            out.append(c == 0 ? "" : "  ");
            out.append(columns.get(c).numeric() ? pad + line[c] : line[c] + pad);
        }
        out.append('\n');
    }

    private static String[] rule(int[] width) {
        String[] rule = new String[width.length];
        for (int c = 0; c < width.length; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        return rule;
    }

    /** The value with {@code decimals} decimals, or "-" for a figure not measured (NaN). */
    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String mebibytes(long bytes) {
        return bytes < 0 ? "-" : fixed(bytes / (1024.0 * 1024.0), 1);
    }

    private static String csvField(String field) {
        boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n");
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
