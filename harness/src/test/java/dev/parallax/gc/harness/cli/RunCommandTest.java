package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.parallax.gc.harness.cli.Cli.assertUsageError;
import static dev.parallax.gc.harness.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code parallax run}: scripts' output and GC summaries, exit codes 0, 1 and 2, every error named. */
class RunCommandTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aPassingScriptPrintsItsOutputAndASummary() throws IOException {
        Path s = script("ok.script", """
                option heap "1m";
                void main() {
                  object o = alloc(1, 1);
                  gc();
                  print("hello ", o.int[0]);
                }""");
        for (String engine : new String[] {"interp", "jit"}) {
            Run r = run("run", s.toString(), "--engine", engine, "--collector", "mark-compact");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().startsWith("== " + s + " (" + engine + "; mark-compact / precise+globals / low-bit / "
                    + "allocation, heap 1 MiB, release mode)\nhello 0\n-- passed in "), r.out());
            assertTrue(r.out().contains(": 1 collection (pauses "), r.out());
            assertTrue(r.out().contains("allocated in 1 objects"), r.out());
        }
    }

    @Test
    void aFailingScriptExitsOneNamingTheLineAndTheFlagsWinOverItsOptions() throws IOException {
        Path bad = script("bad.script", """
                option heap "1m";
                option threads "4";
                void main() {
                  assert(1 > 2, "one is not above two");
                }""");
        Run r = run("run", bad.toString(), "--heap", "2m", "--sanity");
        assertEquals(ErrorReporter.FAILURE, r.code(), r.toString());
        assertTrue(r.out().contains("heap 2 MiB, debug mode)"), r.out());
        assertTrue(r.out().contains("-- FAILED: " + bad + ":4:3: in method 'main': assertion failed: one is not above "
                + "two"), r.out());
        assertEquals("warning: " + bad + ":2:1: option 'threads' is not supported; ignored", r.err().strip());
    }

    @Test
    void aSyntaxErrorFailsTheScriptAndTheNextStillRuns() throws IOException {
        Path broken = script("broken.script", "void main() { int x = ; }");
        Path ok = script("ok.script", "void main() { print(\"still ran\"); }");
        Run r = run("run", broken.toString(), ok.toString(), "--engine", "interp");
        assertEquals(ErrorReporter.FAILURE, r.code(), r.toString());
        assertTrue(r.out().contains("-- FAILED: " + broken + ":1:23: expected an expression, found ';'"), r.out());
        assertTrue(r.out().contains("still ran"), r.out());
    }

    @Test
    void optionsThatMakeAnUnusableConfigurationFailTheScript() throws IOException {
        Path s = script("s.script", "option collector \"no-such-collector\";\nvoid main() { }");
        Run r = run("run", s.toString());
        assertEquals(ErrorReporter.FAILURE, r.code(), r.toString());
        assertTrue(r.out().contains("its options make an unusable configuration: "), r.out());
        assertTrue(r.out().contains("no-such-collector"), r.out());
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() throws IOException {
        Path s = script("s.script", "void main() { }");
        assertUsageError(run("run", s.toString(), "--engine", "jet"), "unknown engine 'jet' (did you mean 'jit'?); "
                + "engines: interp, jit");
        assertUsageError(run("run", dir.resolve("missing.script").toString()), "missing.script': no such readable file");
        assertUsageError(run("run", dir.toString()), "is a directory");
        assertUsageError(run("run", s.toString(), "--engine", "interp", "--check-stack-maps"),
                "--check-stack-maps applies to the compiler; use it with --engine jit");
        assertUsageError(run("run", s.toString(), "--engine", "interp", "--poll-every-site"),
                "--poll-every-site applies to the compiler");
        assertUsageError(run("run", s.toString(), "--sanity", "--no-debug"), "--sanity needs debug mode");
        assertUsageError(run("run", s.toString(), "--collector", "nope"), "nope");
        assertUsageError(run("run"), "Missing required parameter: 'SCRIPT'");
    }

    @Test
    void theStackMapCrossCheckAndEverySitePollsRunOnRequest() throws IOException {
        Path s = script("loop.script", """
                option heap "256k";
                type T { T next; }
                void main() {
                  T keep = null;
                  int i = 0;
                  while (i < 2000) {
                    T t = alloc(T);
                    t.next = keep;
                    if (i % 100 == 0) { keep = t; }
                    i = i + 1;
                  }
                  print("done");
                }""");
        Run r = run("run", s.toString(), "--check-stack-maps", "--poll-every-site", "--safepoints", "back-edge",
                "--stress", "poll", "--stress-interval", "1");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("a collection every 1 poll(s))"), r.out());
        assertTrue(r.out().contains("done"), r.out());
    }
}
