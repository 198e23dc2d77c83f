package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.cli.Cli.Run;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.parallax.gc.harness.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML reports: one self-contained page each, opened in a real headless Chromium where one is
 * installed (Debian: apt-get install chromium), which must lay out the tables and draw the charts.
 */
class HtmlReportTest {
    /** The colour of the parallax heap's bars in bench-times.png (BenchPlots.HEAP). */
    private static final int HEAP_BAR = 0x2E6DB4;

    @TempDir
    Path dir;

    @Test
    void benchWritesOneSelfContainedPageThatChromiumRenders() throws Exception {
        Run r = run("bench", "--size", "small", "--collector", "mark-sweep", "--bodies", "1", "--warmup", "0",
                "--max-warmup", "0", "--same-jvm", "--report", dir.toString());
        assertEquals(0, r.code(), r.toString());
        Path page = dir.resolve("bench-report.html");
        assertTrue(r.out().contains("report: " + page), r.out());
        String html = Files.readString(page);
        assertSelfContained(html, 3);
        assertTrue(html.contains("mark-sweep / conservative+globals / low-bit / allocation"), html);
        assertTrue(html.contains("JDK " + Runtime.version()), "the legend names the JDK");
        Path chromium = chromium();
        String dom = dump(chromium, page);
        assertEquals(2, count(dom, "<table>"), "both tables laid out");
        assertTrue(dom.contains("<td>mark-sweep / precise+globals / low-bit / allocation</td>"), dom);
        BufferedImage shot = screenshot(chromium, page);
        assertTrue(pixelsOf(shot, HEAP_BAR) > 1000, "the chart images were drawn: too few pixels of the bars' colour");
    }

    @Test
    void retentionAndSafepointsWriteTheirPagesToo() throws IOException {
        Run retention = run("retention", "--long-lived-depth", "6", "--churn-depth", "4", "--churn-trees", "10",
                "--noise-words", "8", "--runs", "1", "--heap", "1m", "--words", "small-int", "--report", dir.toString());
        assertEquals(0, retention.code(), retention.toString());
        assertSelfContained(Files.readString(dir.resolve("retention-report.html")), 1);
        Run safepoints = run("safepoints", "--bodies", "1", "--warmup", "0", "--tree-depth", "6", "--array", "2000",
                "--churn-depth", "5", "--rounds", "5", "--request-interval", "0.2", "--heap", "4m", "--report",
                dir.toString());
        assertEquals(0, safepoints.code(), safepoints.toString());
        assertSelfContained(Files.readString(dir.resolve("safepoints-report.html")), 1);
    }

    /** Tables, at least {@code images} embedded PNGs, and no reference to any other file or host. */
    private static void assertSelfContained(String html, int images) {
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<table>") && html.contains("</table>"), html);
        assertTrue(count(html, "<img src=\"data:image/png;base64,") >= images, "embedded charts");
        assertEquals(0, count(html, "src=\"http") + count(html, "href=") + count(html, "<script"), "nothing external");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** The headless Chromium of this machine; the test is skipped, saying so, where there is none. */
    private static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        Assumptions.abort("no headless Chromium on this machine (Debian: apt-get install chromium): the report's "
                + "HTML was checked, its rendering in a browser was not");
        return null;
    }

    private String dump(Path chromium, Path page) throws Exception {
        return new String(chrome(chromium, "--dump-dom", page.toUri().toString()), StandardCharsets.UTF_8);
    }

    private BufferedImage screenshot(Path chromium, Path page) throws Exception {
        Path png = dir.resolve("screenshot.png");
        chrome(chromium, "--screenshot=" + png, "--window-size=1600,6000", "--hide-scrollbars",
                page.toUri().toString());
        return ImageIO.read(png.toFile());
    }

    /** Runs headless Chromium with the flags this machine needs (no network, no sandbox as root) and returns stdout. */
    private byte[] chrome(Path chromium, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir,
                        "chromium")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Chromium did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.log")));
        return out;
    }

    private static long pixelsOf(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
