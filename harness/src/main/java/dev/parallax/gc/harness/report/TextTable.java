package dev.parallax.gc.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of text cells rendered with aligned columns (numbers right-aligned) or as CSV. Every
 * experiment's output goes through it, so that all tables look alike.
 */
public final class TextTable {
    /** A column: its title and whether its cells are numbers (right-aligned). */
    public record Column(String title, boolean numeric) {
        public static Column text(String title) {
            return new Column(title, false);
        }

        public static Column number(String title) {
            return new Column(title, true);
        }
    }

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /** Appends a row; it must have one cell per column. */
    public TextTable add(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of "
                    + columns.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    public int rows() {
        return rows.size();
    }

    /** The title line, a rule, then the rows; columns padded to their widest cell and two spaces apart. */
    public String render() {
        List<String[]> lines = lines();
        int[] width = new int[columns.size()];
        for (String[] line : lines) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            appendLine(out, lines.get(i), width);
            if (i == 0) {
                appendLine(out, rule(width), width);
            }
        }
        return out.toString();
    }

    /** The same rows as CSV (RFC 4180 quoting), with the titles as header. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        for (String[] line : lines()) {
            for (int c = 0; c < line.length; c++) {
                out.append(c == 0 ? "" : ",").append(csvField(line[c]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The same rows as an HTML {@code <table>} (text escaped, numeric columns right-aligned). */
    public String html() {
        StringBuilder out = new StringBuilder("<table>\n<thead><tr>");
        for (Column column : columns) {
            out.append(column.numeric() ? "<th class=\"num\">" : "<th>").append(Html.escape(column.title())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (String[] row : rows) {
            out.append("<tr>");
            for (int c = 0; c < row.length; c++) {
                out.append(columns.get(c).numeric() ? "<td class=\"num\">" : "<td>").append(Html.escape(row[c]))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    private List<String[]> lines() {
        List<String[]> lines = new ArrayList<>(rows.size() + 1);
        lines.add(columns.stream().map(Column::title).toArray(String[]::new));
        lines.addAll(rows);
        return lines;
    }

    private void appendLine(StringBuilder out, String[] line, int[] width) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < line.length; c++) {
            String pad = " ".repeat(width[c] - line[c].length());
            text.append(c == 0 ? "" : "  ");
            text.append(columns.get(c).numeric() ? pad + line[c] : line[c] + pad);
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }

    private static String[] rule(int[] width) {
        String[] rule = new String[width.length];
        for (int c = 0; c < width.length; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        return rule;
    }

    /** The value with {@code decimals} decimals, or "-" for a figure not measured (NaN). */
    public static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The value with a sign, e.g. "+0.12" or "-0.03"; "-" for NaN. */
    public static String signed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%+." + decimals + "f", value);
    }

    /** A count with thousands separators, e.g. "131,071". */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A size in bytes, e.g. "64 MiB", "256 KiB" or "1000 bytes". */
    public static String binarySize(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }

    private static String csvField(String field) {
        boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n");
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
