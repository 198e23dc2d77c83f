package dev.parallax.gc.harness.retention;

import dev.parallax.gc.harness.report.TextTable;
import dev.parallax.gc.harness.report.TextTable.Column;
import dev.parallax.gc.harness.retention.RetentionExperiment.Cell;
import dev.parallax.gc.harness.retention.RetentionOutcome.Failed;
import dev.parallax.gc.harness.retention.RetentionOutcome.Measured;
import dev.parallax.gc.harness.retention.RetentionOutcome.Unavailable;
import dev.parallax.gc.harness.retention.RetentionOutcome.Unsafe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The retention experiment's table, one row per cell, and the notes on the rows that did not measure. */
public final class RetentionReport {
    /** The verdict of a cell that lost reachable objects as its decoding predicts. */
    public static final String UNSAFE = "UNSAFE: lost live objects";

    private static final List<Column> COLUMNS = List.of(Column.text("tags"), Column.text("roots"),
            Column.text("stack words"), Column.number("GCs"), Column.number("live objects"),
            Column.number("false objects"),
            Column.number("false KiB"), Column.number("false %"), Column.number("pinned/GC"),
            Column.number("pinned %"), Column.number("median pause ms"), Column.number("pause vs precise ms"),
            Column.number("root scan us"), Column.number("root scan vs precise us"), Column.text("verdict"));

    private final List<Cell> cells;

    public RetentionReport(List<Cell> cells) {
        this.cells = List.copyOf(cells);
    }

    /** Whether some cell failed where it should not have (a bug, not a finding). */
    public boolean anyFailed() {
        return cells.stream().anyMatch(c -> c.outcome() instanceof Failed);
    }

    /** The table, then a line per cell that did not measure, saying how. */
    public String render() {
        StringBuilder out = new StringBuilder(table().render());
        notes().forEach(n -> out.append(n).append('\n'));
        return out.toString();
    }

    /** The table alone: a row per cell. */
    public TextTable table() {
        TextTable table = new TextTable(COLUMNS);
        cells.forEach(cell -> table.add(row(cell)));
        return table;
    }

    /** A line per cell that did not measure, saying how. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        cells.forEach(cell -> note(cell).ifPresent(notes::add));
        return notes;
    }

    private static String[] row(Cell cell) {
        String words = cell.words() == null ? "any (never read)" : cell.words().label();
        String[] head = {cell.tags(), cell.mode().label(), words};
        return switch (cell.outcome()) {
            case Measured m when cell.mode() == RootMode.PRECISE -> concat(head, measured(m.run(), cell.reference(), true));
            case Measured m -> concat(head, measured(m.run(), cell.reference(), false));
            case Unsafe u -> concat(head, unmeasured(UNSAFE));
            case Failed f -> concat(head, unmeasured("FAILED (a bug: see below)"));
            case Unavailable u -> concat(head, unmeasured("n/a: cannot assemble (see below)"));
        };
    }

    private static String[] measured(RetentionRun run, RetentionRun reference, boolean isReference) {
        long refObjects = reference.liveObjects();
        long falseObjects = run.liveObjects() - refObjects;
        boolean counted = run.liveObjects() >= 0 && refObjects > 0;
        return new String[] {
                TextTable.fixed(run.collections(), 0),
                run.liveObjects() < 0 ? "-" : TextTable.count(run.liveObjects()),
                isReference || !counted ? "-" : TextTable.count(falseObjects),
                isReference ? "-" : TextTable.fixed((run.liveBytes() - reference.liveBytes()) / 1024.0, 1),
                isReference || !counted ? "-" : TextTable.fixed(100.0 * falseObjects / refObjects, 4),
                TextTable.fixed(run.pinnedPerGc(), 1),
                refObjects > 0 ? TextTable.fixed(100.0 * run.pinnedPerGc() / refObjects, 4) : "-",
                TextTable.fixed(run.medianPauseMs(), 2),
                isReference ? "-" : TextTable.signed(run.medianPauseMs() - reference.medianPauseMs(), 2),
                TextTable.fixed(run.medianRootScanMicros(), 1),
                isReference ? "-" : TextTable.signed(run.medianRootScanMicros() - reference.medianRootScanMicros(), 1),
                isReference ? "reference" : "ok"};
    }

    private static String[] unmeasured(String verdict) {
        String[] cells = new String[COLUMNS.size() - 3];
        Arrays.fill(cells, "-");
        cells[cells.length - 1] = verdict;
        return cells;
    }

    /** How a cell that did not measure ended, e.g. "unsafe high-bit / ... / doubles: GcBenchFailure: ...". */
    private static Optional<String> note(Cell cell) {
        if (cell.outcome() instanceof Measured) {
            return Optional.empty();
        }
        String where = cell.tags() + " / " + cell.mode().label() + " / " + cell.words().label() + ": ";
        return Optional.of(switch (cell.outcome()) {
            case Unsafe u -> "unsafe " + where + u.how();
            case Failed f -> "FAILED " + where + f.error();
            case Unavailable u -> "n/a " + where + u.why();
            case Measured m -> throw new AssertionError("measured cells have no note");
        });
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
