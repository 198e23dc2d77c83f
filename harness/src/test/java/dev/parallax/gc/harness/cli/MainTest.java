package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.harness.Main;
import dev.parallax.gc.runtime.StrategyCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path dir;

    /** What one run of the command line printed and returned. */
    private record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Exit code 2 and exactly one line on stderr, {@code error: ...}, naming {@code mentioned}. */
    private static void assertUsageError(Run run, String mentioned) {
        assertEquals(ErrorReporter.USAGE, run.code(), run.toString());
        assertEquals(1, run.errLines().size(), "one line, no stack trace: " + run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().contains(mentioned), run.err() + " should mention " + mentioned);
    }

    @Test
    void unknownCollectorIsAUsageErrorForEveryCommand() {
        assertUsageError(run("bench", "--collector", "no-such-collector"), "no-such-collector");
        assertUsageError(run("check", "--collector", "no-such-collector", "--programs", "1"), "no-such-collector");
    }

    @Test
    void unknownCollectorMessageListsTheValidOnes() {
        assertUsageError(run("--collector", "no-such-collector"), "mark-sweep");
    }

    @Test
    void malformedConfigFileIsAUsageError() throws IOException {
        Path config = Files.writeString(dir.resolve("broken.properties"), "heap = lots\n");
        assertUsageError(run("bench", "--config", config.toString()), "lots");
    }

    @Test
    void unknownKeyInConfigFileIsAUsageError() throws IOException {
        Path config = Files.writeString(dir.resolve("unknown.properties"), "colector = mark-sweep\n");
        assertUsageError(run("bench", "--config", config.toString()), "colector");
    }

    @Test
    void missingConfigFileIsAUsageError() {
        Path missing = dir.resolve("missing.properties");
        assertUsageError(run("check", "--config", missing.toString()), "missing.properties");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertUsageError(run("bench", "--no-such-flag"), "--no-such-flag");
        assertUsageError(run("bench", "--bodies", "0"), "--bodies");
    }

    @Test
    void stacktraceFlagShowsTheTrace() {
        Run run = run("bench", "--collector", "no-such-collector", "--stacktrace");
        assertEquals(ErrorReporter.USAGE, run.code());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void heapTooSmallForTheBenchmarkIsAUsageError() {
        // The small body's stretch tree alone needs 8,191 nodes of 48 bytes: 384 KiB.
        Run run = run("bench", "--size", "small", "--heap", "256k", "--tlab", "4k", "--bodies", "1", "--warmup", "0",
                "--max-warmup", "0", "--same-jvm");
        assertEquals(ErrorReporter.USAGE, run.code(), run.toString());
        String last = run.errLines().getLast(); // after the progress lines
        assertTrue(last.startsWith("error: ") && last.contains("out of memory"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void strategiesListsMarkSweep() {
        Run run = run("strategies");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("mark-sweep"), run.out());
        assertTrue(run.out().contains("precise") && run.out().contains("low-bit"), run.out());
    }

    @Test
    void benchPrintsBothTablesAndWritesCsv() throws IOException {
        Path csv = dir.resolve("bench.csv");
        Run run = run("bench", "--collector", "mark-sweep", "--roots", "precise,globals", "--size", "small",
                "--bodies", "1", "--warmup", "0", "--max-warmup", "0", "--same-jvm", "--heap", "8m", "--csv",
                csv.toString());
        assertEquals(0, run.code(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("heap / strategies") && lines.get(0).contains("max TTS us"), run.out());
        assertTrue(lines.get(2).startsWith("baseline") && lines.get(2).contains("1.00x"), run.out());
        assertTrue(lines.get(3).startsWith("mark-sweep / precise+globals / low-bit / allocation"), run.out());
        assertTrue(lines.get(5).startsWith("heap / strategies") && lines.get(5).contains("frag %")
                && lines.get(5).contains("pinned/GC") && lines.get(5).contains("collector counters"), run.out());
        assertTrue(run.out().contains("command: parallax bench --collector mark-sweep --roots"), run.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(2).startsWith("mark-sweep / precise+globals / low-bit / allocation,"), rows.toString());
    }

    @Test
    void benchWithoutCollectorOrRootsRunsEveryCollectorWithBothRootSets() {
        Run run = run("--size", "small", "--bodies", "1", "--warmup", "0", "--max-warmup", "0", "--same-jvm");
        assertEquals(0, run.code(), run.toString());
        List<String> collectors = StrategyCatalog.discover().names(Axis.COLLECTOR);
        assertTrue(collectors.size() >= 1, "no collector found");
        for (String collector : collectors) {
            for (String roots : List.of("precise+globals", "conservative+globals")) {
                String row = collector + " / " + roots + " / ";
                assertEquals(2, run.out().lines().filter(l -> l.startsWith(row)).count(),
                        "a main and a detail row for " + row + "\n" + run.out());
            }
        }
    }

    @Test
    void retentionReportsTheUnsafeCaseInTheTableAndExitsZero() {
        Run run = run("retention", "--long-lived-depth", "7", "--churn-depth", "5", "--churn-trees", "60",
                "--noise-words", "16", "--runs", "1", "--heap", "1m", "--words", "heap-aligned,small-int");
        assertEquals(0, run.code(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("tags") && lines.get(0).contains("false objects")
                && lines.get(0).contains("pinned/GC") && lines.get(0).contains("pause vs precise ms"), run.out());
        List<String> rows = lines.stream().filter(l -> l.startsWith("low-bit ") || l.startsWith("high-bit ")).toList();
        assertEquals(2 * (1 + 2 * 2), rows.size(), run.out());
        for (String row : rows) {
            boolean unsafe = row.startsWith("high-bit") && row.contains("conservative(naive)");
            assertTrue(row.endsWith(unsafe ? "UNSAFE: lost live objects" : row.contains("precise") ? "reference" : "ok"),
                    row);
        }
        assertTrue(run.out().contains("OOPSLA 2014") && run.out().contains("seed 42")
                && run.out().contains("command: parallax retention"), run.out());
    }

    @Test
    void retentionRefusesAnUnknownWordClass() {
        assertUsageError(run("retention", "--words", "pointers"), "pointers");
        assertUsageError(run("retention", "--collector", "no-such-collector"), "no-such-collector");
    }

    @Test
    void safepointsPrintsARowPerPolicy() {
        Run run = run("safepoints", "--bodies", "1", "--warmup", "0", "--tree-depth", "6", "--array", "2000",
                "--churn-depth", "5", "--rounds", "5", "--request-interval", "0.2", "--heap", "4m");
        assertEquals(0, run.code(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("safepoint policy") && lines.get(0).contains("max TTS us")
                && lines.get(0).contains("polls/body"), run.out());
        List<String> policies = StrategyCatalog.discover().names(Axis.SAFEPOINTS);
        assertTrue(lines.get(2).startsWith("allocation ") && lines.get(2).contains("1.00x"), run.out());
        for (String policy : policies) {
            assertEquals(1, lines.stream().filter(l -> l.startsWith(policy + " ")).count(), policy + "\n" + run.out());
        }
        assertTrue(run.out().contains("command: parallax safepoints"), run.out());
    }

    @Test
    void safepointsRefusesAnUnknownPolicy() {
        assertUsageError(run("safepoints", "--policies", "allocation,no-such-policy"), "no-such-policy");
    }

    @Test
    void checkPassesOnTheDefaultsAndPrintsItsSeed() {
        Run run = run("check", "--programs", "5", "--seed", "42", "--heap", "1m", "--tlab", "4k");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("seed 42"), run.out());
    }

    @Test
    void helpAndVersionExitZero() {
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("bench") && help.out().contains("check") && help.out().contains("retention")
                && help.out().contains("safepoints") && help.out().contains("strategies") && help.out().contains("jmh"),
                help.out());
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("parallax-gc 0."), version.out());
        assertFalse(run("bench", "--help").out().isEmpty());
    }
}
