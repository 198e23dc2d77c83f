package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the command line in this JVM for tests, and the checks every error shares. */
final class Cli {
    /** What one run of the command line printed and returned. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Exit code 2, nothing on stdout and exactly one line on stderr, {@code error: ...}, naming {@code mentioned}. */
    static void assertUsageError(Run run, String... mentioned) {
        assertEquals(ErrorReporter.USAGE, run.code(), run.toString());
        assertEquals(1, run.errLines().size(), "one line, no stack trace, no progress: " + run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertEquals("", run.out(), "nothing printed before the error");
        for (String m : mentioned) {
            assertTrue(run.err().contains(m), run.err() + " should mention " + m);
        }
    }
}
