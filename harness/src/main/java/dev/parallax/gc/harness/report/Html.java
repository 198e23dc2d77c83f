package dev.parallax.gc.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One self-contained HTML page of results: a title, then sections of tables, preformatted text,
 * paragraphs and PNG charts, the charts embedded as {@code data:} URIs so that the one file can be
 * mailed or attached as it is. No script, no external resource.
 */
public final class Html {
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1500px; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
            table { border-collapse: collapse; margin: 0.5em 0 1em 0; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; white-space: nowrap; }
            th { background: #f0f0f0; } .num { text-align: right; font-variant-numeric: tabular-nums; }
            tbody tr:nth-child(even) { background: #fafafa; }
            img { max-width: 100%; border: 1px solid #ddd; margin: 0.5em 0; }
            pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; font-size: 0.85em; }
            p.legend { font-size: 0.9em; color: #444; }
            """;

    private final String title;
    private final List<String> body = new ArrayList<>();

    public Html(String title) {
        this.title = title;
    }

    /** A section heading. */
    public Html heading(String text) {
        body.add("<h2>" + escape(text) + "</h2>");
        return this;
    }

    /** A table. */
    public Html table(TextTable table) {
        body.add(table.html());
        return this;
    }

    /** Text kept as it is (a log, a counterexample). */
    public Html preformatted(String text) {
        body.add("<pre>" + escape(text) + "</pre>");
        return this;
    }

    /** One paragraph per line of {@code text}, in the legend's style. */
    public Html legend(String text) {
        text.lines().filter(l -> !l.isBlank()).forEach(l -> body.add("<p class=\"legend\">" + escape(l) + "</p>"));
        return this;
    }

    /** The PNG at {@code png}, embedded, with {@code alt} as its text alternative. */
    public Html image(Path png, String alt) throws IOException {
        String data = Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        body.add("<figure><img src=\"data:image/png;base64," + data + "\" alt=\"" + escape(alt) + "\"></figure>");
        return this;
    }

    /** The page. */
    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n"
                + String.join("\n", body) + "\n</body>\n</html>\n";
    }

    /** Writes the page to {@code file} in UTF-8. */
    public Path write(Path file) throws IOException {
        return Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    /** {@code text} with the five HTML special characters escaped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
