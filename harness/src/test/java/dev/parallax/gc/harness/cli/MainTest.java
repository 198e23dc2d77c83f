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
        Run run = run("bench", "--size", "small", "--heap", "256k", "--tlab", "4k", "--bodies", "1", "--warmup", "0");
        assertUsageError(run, "out of memory");
    }

    @Test
    void strategiesListsMarkSweep() {
        Run run = run("strategies");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("mark-sweep"), run.out());
        assertTrue(run.out().contains("precise") && run.out().contains("low-bit"), run.out());
    }

    @Test
    void benchPrintsTheTableAndWritesCsv() throws IOException {
        Path csv = dir.resolve("bench.csv");
        Run run = run("bench", "--collector", "mark-sweep", "--size", "small", "--bodies", "1", "--warmup", "0",
                "--heap", "8m", "--csv", csv.toString());
        assertEquals(0, run.code(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("heap / strategies"), run.out());
        assertTrue(lines.get(2).startsWith("baseline") && lines.get(2).contains("1.00x"), run.out());
        assertTrue(lines.get(3).startsWith("mark-sweep / precise+globals / low-bit / allocation"), run.out());
        assertTrue(run.out().contains("command: parallax bench --collector mark-sweep --size small"), run.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(2).startsWith("mark-sweep / precise+globals / low-bit / allocation,"), rows.toString());
    }

    @Test
    void benchWithoutACollectorRunsEveryCollectorFound() {
        Run run = run("--size", "small", "--bodies", "1", "--warmup", "0", "--heap", "8m");
        assertEquals(0, run.code(), run.toString());
        int rows = 0;
        for (String collector : StrategyCatalog.discover().names(Axis.COLLECTOR)) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(collector + " / ")), collector + "\n" + run.out());
            rows++;
        }
        assertTrue(rows >= 1, "no collector found");
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
        assertTrue(help.out().contains("bench") && help.out().contains("check"), help.out());
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("parallax-gc 0."), version.out());
        assertFalse(run("bench", "--help").out().isEmpty());
    }
}
