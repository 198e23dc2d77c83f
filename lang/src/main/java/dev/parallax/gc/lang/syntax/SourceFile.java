package dev.parallax.gc.lang.syntax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A script's text and the name its messages use ({@code lists.script:12:5: ...}).
 *
 * @param name the file name as given (a path or a label)
 * @param text the script
 */
public record SourceFile(String name, String text) {
    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** Reads {@code file} as UTF-8, named by the path as given. */
    public static SourceFile read(Path file) throws IOException {
        return new SourceFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The short name: the file name without its directories, for shape names and summaries. */
    public String shortName() {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
