package dev.parallax.gc.harness.report;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressTest {
    @Test
    void offATerminalEveryUpdateIsAPlainLine() {
        StringWriter out = new StringWriter();
        Progress progress = new Progress(new PrintWriter(out), false);
        progress.update("row 1: body 1/5");
        progress.asWriter().printf("row 1: body %d/5%n", 2);
        progress.done();
        assertEquals("row 1: body 1/5" + System.lineSeparator() + "row 1: body 2/5" + System.lineSeparator(),
                out.toString());
    }

    @Test
    void onATerminalOneLineIsRewrittenInPlaceAndClearedAtTheEnd() {
        StringWriter out = new StringWriter();
        Progress progress = new Progress(new PrintWriter(out), true);
        progress.update("body 1/5");
        progress.update("body 2/5");
        progress.done();
        assertEquals("\rbody 1/5\u001b[K\rbody 2/5\u001b[K\r\u001b[K", out.toString());
    }
}
