package dev.parallax.gc.harness.safepoints;

import dev.parallax.gc.harness.report.TextTable;
import dev.parallax.gc.harness.report.TextTable.Column;

import java.util.List;

/** The safepoint experiment's table: one row per policy, the first being the one the ratio divides by. */
public final class SafepointReport {
    private static final List<Column> COLUMNS = List.of(Column.text("safepoint policy"),
            Column.number("median body ms"), Column.number("vs first"), Column.number("requests"),
            Column.number("max TTS us"), Column.number("p50 TTS us"), Column.number("p99 TTS us"),
            Column.number("polls/body"), Column.number("alloc sites/body"), Column.number("back-edges/body"),
            Column.number("fn entries/body"));

    private final List<SafepointRun> runs;

    public SafepointReport(List<SafepointRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a safepoint report needs at least one run");
        }
        this.runs = List.copyOf(runs);
    }

    public String render() {
        return table().render();
    }

    /** The table: a row per policy. */
    public TextTable table() {
        TextTable table = new TextTable(COLUMNS);
        double first = runs.getFirst().medianBodyMs();
        for (SafepointRun r : runs) {
            table.add(r.policy(), TextTable.fixed(r.medianBodyMs(), 1), TextTable.fixed(r.medianBodyMs() / first, 2) + "x",
                    TextTable.count(r.requests()), TextTable.fixed(r.maxTtsMicros(), 1),
                    TextTable.fixed(r.p50TtsMicros(), 1), TextTable.fixed(r.p99TtsMicros(), 1),
                    TextTable.count(r.pollsPerBody()), TextTable.count(r.sites().allocations()),
                    TextTable.count(r.sites().backEdges()), TextTable.count(r.sites().functionEntries()));
        }
        return table;
    }
}
