package dev.parallax.gc.harness.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a chart as a PNG image, with footer lines (workload, machine, command) wrapped under it. */
final class ChartPng {
    private static final Font FOOTER_FONT = ChartStyle.font(Font.PLAIN, 13);
    private static final Color FOOTER_COLOR = new Color(0x40, 0x40, 0x40);
    private static final int MARGIN = 16;

    private ChartPng() {
    }

    /** Draws {@code chart} and {@code footer} into {@code file}; returns the file. */
    static Path write(Chart<?, ?> chart, List<String> footer, Path file) throws IOException {
        BufferedImage plot = BitmapEncoder.getBufferedImage(chart);
        int width = plot.getWidth();
        FontMetrics metrics = metrics(FOOTER_FONT);
        List<String> lines = new ArrayList<>();
        footer.forEach(line -> lines.addAll(wrap(line, metrics, width - 2 * MARGIN)));
        int lineHeight = metrics.getHeight();
        BufferedImage image = new BufferedImage(width, plot.getHeight() + lines.size() * lineHeight + MARGIN,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(plot, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(FOOTER_FONT);
            g.setColor(FOOTER_COLOR);
            int y = plot.getHeight() + metrics.getAscent();
            for (String line : lines) {
                g.drawString(line, MARGIN, y);
                y += lineHeight;
            }
        } finally {
            g.dispose();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this JDK's ImageIO");
            }
        }
        return file;
    }

    /** {@code footer} with a chart's own {@code note} before it. */
    static List<String> withNote(List<String> footer, String note) {
        List<String> lines = new ArrayList<>(List.of(note));
        lines.addAll(footer);
        return lines;
    }

    /** How wide text of {@code font} is drawn (headless). */
    static FontMetrics metrics(java.awt.Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    /** {@code text} broken at spaces into lines at most {@code width} pixels wide (a longer word stands alone). */
    static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && metrics.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
