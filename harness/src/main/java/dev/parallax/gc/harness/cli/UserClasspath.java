package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfigException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks {@code PARALLAX_CLASSPATH} (the launcher hands it over as the system property
 * {@value #PROPERTY}): every entry must be a directory of classes, a {@code dir/*} wildcard of an
 * existing directory, or a jar; the JVM would otherwise skip a missing or broken entry silently and
 * the user's strategies would just not be there.
 */
public final class UserClasspath {
    /** The system property the launcher sets to PARALLAX_CLASSPATH. */
    public static final String PROPERTY = "parallax.classpath";

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private UserClasspath() {
    }

    /**
     * @param classpath entries separated by the platform's path separator; null or blank: nothing to check
     * @throws GcConfigException naming the first bad entry and what is wrong with it
     */
    public static void check(String classpath) {
        if (classpath == null || classpath.isBlank()) {
            return;
        }
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            String what = "PARALLAX_CLASSPATH: '" + entry + "' ";
            if (entry.endsWith("/*") || entry.equals("*")) {
                Path dir = Path.of(entry.length() == 1 ? "." : entry.substring(0, entry.length() - 2));
                if (!Files.isDirectory(dir)) {
                    throw new GcConfigException(what + "names the jars of " + dir + ", which is not a directory");
                }
                continue;
            }
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                throw new GcConfigException(what + "does not exist");
            }
            if (!Files.isDirectory(path) && !isJar(path)) {
                throw new GcConfigException(what + "is neither a directory of classes nor a jar file");
            }
        }
    }

    private static boolean isJar(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            return java.util.Arrays.equals(head, ZIP_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }
}
