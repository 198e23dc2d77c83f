package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.Main;
import dev.parallax.gc.harness.plot.BenchPlots;
import dev.parallax.gc.harness.plot.RetentionPlots;
import dev.parallax.gc.harness.plot.SafepointPlots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each command on its smallest size with --plot: the charts are real PNGs, and their paths are printed. */
// a chart library stuck laying out its axes must fail the test, not hang the build
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlotCommandsTest {
    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, out + "\n" + err);
        return out.toString();
    }

    /** The file exists, ImageIO reads it as an image at least as large as a chart, and the run printed its path. */
    private static void assertChart(Path file, String out) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " missing\n" + out);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] head = new byte[signature.length];
        System.arraycopy(Files.readAllBytes(file), 0, head, 0, head.length);
        assertEquals(new String(signature, java.nio.charset.StandardCharsets.ISO_8859_1),
                new String(head, java.nio.charset.StandardCharsets.ISO_8859_1), file + " is not a PNG");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + ": ImageIO cannot read it");
        assertEquals(1400, image.getWidth(), file.toString());
        assertTrue(image.getHeight() > 800 && image.getHeight() < 1200, file + ": height " + image.getHeight());
        assertTrue(out.lines().anyMatch(l -> l.equals("plot: " + file)), "path not printed: " + file + "\n" + out);
    }

    @Test
    void benchDrawsTimesPausesAndTheMutatorGcSplit() throws IOException {
        String out = run("bench", "--size", "small", "--bodies", "1", "--warmup", "0", "--heap", "4m",
                "--collector", "mark-sweep,incremental", "--plot", dir.toString());
        for (String name : List.of(BenchPlots.TIMES, BenchPlots.PAUSES, BenchPlots.MUTATOR_GC)) {
            assertChart(dir.resolve(name), out);
        }
        List<String> tail = out.lines().toList();
        assertTrue(tail.getLast().startsWith("plot: "), "the paths come last:\n" + out);
    }

    @Test
    void retentionDrawsFalseRetentionWithTheUnsafeCells() throws IOException {
        Path nested = dir.resolve("made/by/plot");
        String out = run("retention", "--long-lived-depth", "7", "--churn-depth", "5", "--churn-trees", "60",
                "--noise-words", "16", "--runs", "1", "--heap", "1m", "--words", "heap-aligned,small-int",
                "--plot", nested.toString());
        assertTrue(out.contains("UNSAFE: lost live objects"), out);
        assertChart(nested.resolve(RetentionPlots.FALSE_RETENTION), out);
    }

    @Test
    void safepointsDrawsTimeToSafepointAndBodyTime() throws IOException {
        // bodies of a few milliseconds against a request every 0.2 ms: every policy serves some requests
        String out = run("safepoints", "--bodies", "3", "--warmup", "1", "--tree-depth", "10", "--array", "20000",
                "--churn-depth", "8", "--rounds", "20", "--request-interval", "0.2", "--heap", "4m",
                "--plot", dir.toString());
        assertChart(dir.resolve(SafepointPlots.TTS), out);
        assertChart(dir.resolve(SafepointPlots.BODY), out);
    }

    @Test
    void anUnusablePlotDirectoryIsAUsageErrorBeforeAnythingRuns() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "bench", "--plot", file.resolve("sub").toString());
        assertEquals(ErrorReporter.USAGE, code, err.toString());
        assertTrue(err.toString().startsWith("error: --plot: cannot create the directory"), err.toString());
        assertEquals("", out.toString(), "nothing ran");
    }
}
