package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.cli.Cli.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.parallax.gc.harness.cli.Cli.assertUsageError;
import static dev.parallax.gc.harness.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9's defects: one clear error for every bad input, before anything runs. */
class BadInputTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearClasspathProperty() {
        System.clearProperty(UserClasspath.PROPERTY);
    }

    /** A heap far above this machine's memory. */
    private static String absurdHeap() {
        return "1000g";
    }

    @Test
    void aHeapLargerThanTheMachineIsOneLineForEveryCommand() {
        for (String[] args : new String[][] {{"bench", "--heap", absurdHeap()}, {"retention", "--heap", absurdHeap()},
                {"safepoints", "--heap", absurdHeap()}, {"check", "--heap", absurdHeap()}}) {
            assertUsageError(run(args), "heap: 1000 GiB cannot be reserved: this machine has ");
        }
    }

    @Test
    void anUnwritableCsvPathIsRefusedBeforeAnythingRuns() {
        Run r = run("bench", "--csv", "/nonexistent/dir/out.csv", "--size", "small", "--same-jvm");
        assertUsageError(r, "--csv", "/nonexistent/dir");
        assertUsageError(run("bench", "--csv", dir.toString()), "is a directory");
        assertUsageError(run("bench", "--gc-log=/nonexistent/dir/gc.log"), "--gc-log", "/nonexistent/dir");
    }

    @Test
    void checkRefusesCountsBelowOne() {
        for (String[] bad : new String[][] {{"--programs", "0"}, {"--programs", "-5"}, {"--threads", "0"},
                {"--threads", "-2"}, {"--max-actions", "0"}}) {
            assertUsageError(run("check", bad[0], bad[1]), bad[0] + " must be at least 1, not " + bad[1]);
        }
    }

    @Test
    void checkRefusesAnUnknownScheduleAndABadSafepointTimeout() {
        assertUsageError(run("check", "--threads", "2", "--schedule", "fair"),
                "--schedule: schedule 'fair' is not random, free or round-robin:N");
        assertUsageError(run("check", "--threads", "2", "--schedule", "round-robin:0"), "--schedule");
        assertUsageError(run("check", "--safepoint-timeout", "5"), "safepoint-timeout = '5' is not a duration");
    }

    @Test
    void aMisspeltOrUnknownStrategyOptionIsRefusedWithTheValidNames() {
        assertUsageError(run("check", "-o", "incremental.budgte=5"),
                "unknown strategy option 'incremental.budgte' (did you mean 'incremental.budget'?)", "conservative.decode");
        assertUsageError(run("bench", "-o", "nosuch.option=1"), "unknown strategy option 'nosuch.option'");
        assertUsageError(run("safepoints", "-o", "safepoints.intervl=2"), "did you mean 'safepoints.interval'");
    }

    /** A value the strategy cannot parse is refused before anything runs (bench: the baseline row; minheap: a search; check: its header). */
    @Test
    void aMalformedStrategyOptionValueIsRefusedBeforeAnythingRuns() {
        assertUsageError(run("bench", "-o", "incremental.budget=abc"), "incremental.budget", "abc");
        assertUsageError(run("bench", "--workload", "net", "--size", "small", "-o", "net-indexed.index=nope"),
                "net-indexed.index", "nope");
        assertUsageError(run("minheap", "--collector", "incremental,mark-sweep", "-o", "incremental.budget=abc"),
                "incremental.budget", "abc");
        assertUsageError(run("check", "--collector", "incremental", "-o", "incremental.budget=0"), "incremental.budget");
    }

    @Test
    void aMissingOrNonJarUserClasspathEntryIsRefused() throws IOException {
        System.setProperty(UserClasspath.PROPERTY, dir.resolve("missing.jar").toString());
        assertUsageError(run("strategies"), "PARALLAX_CLASSPATH", "missing.jar", "does not exist");
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a jar");
        System.setProperty(UserClasspath.PROPERTY, text.toString());
        assertUsageError(run("strategies"), "notes.txt", "neither a directory of classes nor a jar");
        System.setProperty(UserClasspath.PROPERTY, dir.toString() + java.io.File.pathSeparator + dir + "/*");
        assertEquals(0, run("strategies").code(), "a directory and a wildcard of one are fine");
    }

    @Test
    void checkValidatesBeforePrintingItsHeader() {
        assertUsageError(run("check", "--collector", "nosuch"), "unknown collector 'nosuch'");
    }

    @Test
    void aBadCountIsNotCalledASize() {
        Run r = run("check", "--stack", "-5");
        assertUsageError(r, "stack = '-5' is not a count");
        assertFalse(r.err().contains("size"), r.err());
    }

    @Test
    void anUnknownOptionIsNamedAloneNotItsValue() {
        Run r = run("bench", "--no-such-flag", "5");
        assertUsageError(r, "unknown option '--no-such-flag'");
        assertFalse(r.err().contains("'5'"), r.err());
        assertUsageError(run("bench", "--bodys", "3"), "unknown option '--bodys' (did you mean '--bodies'?)");
    }

    @Test
    void anUnknownCommandSuggestsTheNearestOne() {
        assertUsageError(run("benhc"), "unknown command 'benhc' (did you mean 'bench'?)", "commands: bench, check");
    }

    @Test
    void anUnknownStrategyIsOneShortLineSuggestingTheNearestName() {
        Run r = run("check", "--collector", "mark-swep");
        assertUsageError(r, "unknown collector 'mark-swep' (did you mean 'mark-sweep'?)");
        assertTrue(r.err().length() < 200, r.err().length() + " characters: " + r.err());
    }

    @Test
    void safepointsNeitherOffersNorAcceptsTheSafepointsFlagItWouldIgnore() {
        assertFalse(run("safepoints", "--help").out().contains("--safepoints"));
        assertUsageError(run("safepoints", "--safepoints", "back-edge"), "unknown option '--safepoints'");
    }

    @Test
    void jmhIsListedAndExplainsThatTheLauncherRunsIt() {
        assertTrue(run("--help").out().contains("jmh"));
        assertUsageError(run("jmh", "-l"), "./parallax launcher");
    }

    @Test
    void aConfigFileMayUseColonsAsJavaPropertiesFilesDo() throws IOException {
        Path config = Files.writeString(dir.resolve("gc.properties"), "collector: mark-compact\nheap: 2m\n");
        Run r = run("check", "--config", config.toString(), "--programs", "2", "--seed", "1");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("mark-compact / precise+globals"), r.out());
    }
}
