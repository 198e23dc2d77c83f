package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.parallax.gc.harness.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9's defects: what the commands print says what happened. */
class HonestOutputTest {
    private static final String[] QUICK_BENCH = {"--bodies", "1", "--warmup", "0", "--max-warmup", "0", "--same-jvm"};

    @TempDir
    Path dir;

    private static String[] bench(String... args) {
        List<String> all = new ArrayList<>(List.of("bench", "--size", "small"));
        all.addAll(List.of(QUICK_BENCH));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void checkReportsTheProgramsItRanTheHeapItWasGivenAndItsMode() {
        Run r = run("check", "--programs", "3", "--seed", "5");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("programs tried: 3\n"), r.out());
        assertTrue(r.out().contains("heap 1024 KiB, debug mode"), r.out());
        Run given = run("check", "--programs", "2", "--seed", "5", "--heap", "8m", "--no-debug");
        assertEquals(0, given.code(), given.toString());
        assertTrue(given.out().contains("release mode, seed 5"), given.out());
        assertTrue(given.out().contains("heap 8192 KiB, release mode"), given.out());
    }

    @Test
    void aHeapTooSmallForTheCheckIsRefusedNotIgnored() {
        Cli.assertUsageError(run("check", "--heap", "128k", "--programs", "1"), "heap: 128 KiB is smaller than");
    }

    @Test
    void theSmallBenchmarkMakesEveryCollectorCollect() {
        Run r = run(bench());
        assertEquals(0, r.code(), r.toString());
        List<String> rows = r.outLines().stream().filter(l -> l.contains(" / ") && l.contains("x  ")).toList();
        int collectors = dev.parallax.gc.runtime.StrategyCatalog.discover()
                .names(dev.parallax.gc.api.strategy.Axis.COLLECTOR).size();
        assertEquals(2 * collectors, rows.size(), r.out());   // precise and conservative roots each
        for (String row : rows) {
            String[] cells = row.split("\\s{2,}");
            assertTrue(Double.parseDouble(cells[6]) > 0, "no collection in " + row + "\n" + r.out());
        }
        assertFalse(r.out().contains("never collected"), r.out());
    }

    @Test
    void aRowThatNeverCollectedIsNamedInANote() {
        Run r = run(bench("--collector", "mark-sweep", "--roots", "precise,globals", "--heap", "64m"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("note: mark-sweep / precise+globals / low-bit / allocation: never collected"),
                r.out());
    }

    @Test
    void theCsvHasPlainNumbersAndAHeaderWithUnits() throws IOException {
        Path csv = dir.resolve("bench.csv");
        Run r = run(bench("--collector", "mark-compact", "--roots", "precise,globals", "--csv", csv.toString()));
        assertEquals(0, r.code(), r.toString());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("strategies,median_body_ms,vs_baseline_ratio,ns_per_node,mutator_ms,gc_ms"),
                lines.get(0));
        assertTrue(lines.get(0).contains(",counter_moved,counter_moved_last_gc,"), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            assertFalse(line.contains("x,") || line.contains(",-,") || line.contains("="), line);
        }
    }

    @Test
    void markCompactReportsItsTotalsBesideTheLastCollection() {
        Run r = run(bench("--collector", "mark-compact", "--roots", "precise,globals"));
        assertEquals(0, r.code(), r.toString());
        String detail = r.outLines().stream().filter(l -> l.startsWith("mark-compact") && l.contains("moved"))
                .findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(detail.matches(".*moved=\\d+ moved-last-gc=\\d+ pinned=\\d+ pinned-last-gc=\\d+$"), detail);
        long total = Long.parseLong(detail.replaceAll(".* moved=(\\d+) .*", "$1"));
        long last = Long.parseLong(detail.replaceAll(".* moved-last-gc=(\\d+) .*", "$1"));
        assertTrue(total >= last && total > 0, detail);
    }

    @Test
    void everyHelpTextIsAsciiAndFilledToItsWidth() {
        for (String command : List.of("bench", "check", "retention", "safepoints", "strategies")) {
            String help = run(command, "--help").out();
            assertTrue(help.chars().allMatch(c -> c < 128), command + " help has non-ASCII characters:\n" + help);
            List<String> lines = help.lines().toList();
            // the description: the lines after the usage synopsis up to the first option
            int first = 1;
            while (first < lines.size() && lines.get(first).startsWith(" ")) {
                first++; // synopsis continuation lines
            }
            List<String> paragraph = new ArrayList<>();
            for (String line : lines.subList(first, lines.size())) {
                if (line.startsWith("  -") || line.startsWith("      --")) {
                    break;
                }
                if (line.isBlank()) {
                    assertFilled(command, paragraph);
                    paragraph.clear();
                } else {
                    paragraph.add(line);
                }
            }
            assertFilled(command, paragraph);
        }
    }

    /** Every line of a paragraph but the last reaches past 60 of picocli's 80 columns: no ragged breaks. */
    private static void assertFilled(String command, List<String> paragraph) {
        for (int i = 0; i + 1 < paragraph.size(); i++) {
            assertTrue(paragraph.get(i).length() > 60, command + ": a ragged line in\n" + String.join("\n", paragraph));
        }
    }

    @Test
    void tablesAndLegendsAreAscii() {
        Run retention = run("retention", "--long-lived-depth", "6", "--churn-depth", "4", "--churn-trees", "10",
                "--noise-words", "8", "--runs", "1", "--heap", "1m", "--words", "small-int", "--tags", "low-bit");
        assertEquals(0, retention.code(), retention.toString());
        assertTrue(retention.out().chars().allMatch(c -> c < 128), retention.out());
    }

    @Test
    void aProfileSelectsItsStrategiesBeneathTheFlags() {
        Run check = run("check", "--profile", "low-latency", "--programs", "2", "--seed", "3");
        assertEquals(0, check.code(), check.toString());
        assertTrue(check.out().startsWith("checking incremental / precise+globals / low-bit / back-edge:"), check.out());
        Run bench = run(bench("--profile", "conservative-stack", "--safepoints", "back-edge"));
        assertEquals(0, bench.code(), bench.toString());
        assertEquals(2, bench.outLines().stream().filter(l -> l.startsWith("mark-sweep / conservative+globals / "
                + "low-bit / back-edge ")).count(), "one row, in both tables: " + bench.out());
        Cli.assertUsageError(run("check", "--profile", "fastest"), "unknown profile 'fastest'", "throughput");
    }
}
