package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.cli.Cli.Run;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code ./parallax} command the README shows runs as written, in its small form: the same
 * flags, with the workload shrunk (and the bench rows in this JVM) so that the suite stays short.
 * Commands that need what a test cannot have (the JMH launcher, a user's jar) are named and left out.
 */
class ReadmeExamplesTest {
    /** Flags and their values that the small form replaces. */
    private static final Set<String> REPLACED = Set.of("--bodies", "--programs", "--size", "--warmup", "--granularity",
            "--nodes", "--density", "--repeats");

    /** The small form's flags per command, appended after the README's own. */
    private static final Map<String, List<String>> SMALL = Map.of(
            "bench", List.of("--size", "small", "--bodies", "1", "--warmup", "0", "--max-warmup", "0", "--same-jvm"),
            "check", List.of("--programs", "3"),
            "minheap", List.of("--size", "small", "--granularity", "64k"),
            "retention", List.of("--long-lived-depth", "6", "--churn-depth", "4", "--churn-trees", "10",
                    "--noise-words", "8", "--runs", "1", "--heap", "1m"),
            "safepoints", List.of("--bodies", "1", "--warmup", "0", "--tree-depth", "6", "--array", "2000",
                    "--churn-depth", "5", "--rounds", "5", "--request-interval", "0.2", "--heap", "4m"),
            "strategies", List.of(),
            "run", List.of(),
            "refscan", List.of("--nodes", "20000", "--density", "1", "--repeats", "1", "--warmup-ms", "10"),
            "engines", List.of("--size", "small", "--bodies", "1", "--warmup", "0", "--max-warmup", "0"));

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandRunsInItsSmallForm() throws IOException {
        List<String> readme = Files.readAllLines(readme());
        writeConfigFile(readme);
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : readme) {
            String command = line.replaceFirst("^PARALLAX_JAVA_OPTS=\"[^\"]*\" ", "").replaceFirst("\\s+#.*$", "");
            if (!command.startsWith("./parallax ") || command.contains("<") || command.startsWith("./parallax jmh")
                    || command.startsWith("./parallax jcstress") || command.startsWith("./parallax pit")) {
                continue; // not a command, a placeholder, or run by the launcher itself (JMH, jcstress, PIT)
            }
            tests.add(DynamicTest.dynamicTest(command, () -> {
                Run r = Cli.run(small(command));
                assertEquals(0, r.code(), command + "\n" + r);
                assertTrue(!r.out().isBlank(), command + " printed nothing");
            }));
        }
        assertTrue(tests.size() >= 25, "the README's commands were not found: " + tests.size());
        return tests.stream();
    }

    /** The README at the top of the repository (tests run in the harness module's directory). */
    private static Path readme() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.exists(p.resolve("harness"))) {
                return p.resolve("README.md");
            }
        }
        throw new AssertionError("README.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The README's my.properties, so that the command reading it runs as written. */
    private static void writeConfigFile(List<String> readme) throws IOException {
        int start = readme.indexOf("```properties");
        List<String> body = readme.subList(start + 1, readme.subList(start, readme.size()).indexOf("```") + start);
        Files.write(dir.resolve("my.properties"), body);
    }

    private static String[] small(String command) {
        List<String> words = new ArrayList<>(Arrays.asList(command.substring("./parallax ".length()).split("\\s+")));
        String name = words.getFirst();
        List<String> args = new ArrayList<>(List.of(name));
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (REPLACED.contains(w)) {
                i++; // and its value
            } else if (w.equals("--same-jvm")) {
                continue; // the small form has it
            } else if (w.equals("--csv") || w.equals("--report") || w.equals("--config") || w.equals("--min-heap")) {
                args.add(w);
                args.add(dir.resolve(words.get(++i)).toString());
            } else if (w.endsWith(".script")) {
                args.add(readme().getParent().resolve(w).toString()); // scripts are named from the repository's root
            } else if (w.startsWith("--gc-log=")) {
                args.add("--gc-log=" + dir.resolve(w.substring("--gc-log=".length())));
            } else {
                args.add(w);
            }
        }
        args.addAll(SMALL.getOrDefault(name, List.of()));
        return args.toArray(String[]::new);
    }
}
