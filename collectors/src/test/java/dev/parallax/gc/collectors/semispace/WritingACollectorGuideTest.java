package dev.parallax.gc.collectors.semispace;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guide {@code docs/writing-a-collector.md} quotes the semispace collector: every {@code java}
 * block in it must occur, line for line (indentation aside), in this package's sources, so the
 * guide's example is compiled code and cannot drift from it.
 */
class WritingACollectorGuideTest {
    private static final Path GUIDE = Path.of("..", "docs", "writing-a-collector.md");
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "parallax", "gc", "collectors", "semispace");

    @Test
    void everyCodeBlockOfTheGuideIsInTheSemispaceSources() throws IOException {
        String sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = normalize(files.sorted().map(WritingACollectorGuideTest::read).collect(Collectors.joining("\n")));
        }
        List<String> blocks = javaBlocks(Files.readString(GUIDE));
        assertTrue(blocks.size() >= 5, "the guide has " + blocks.size() + " java blocks");
        for (String block : blocks) {
            assertTrue(sources.contains(normalize(block)), () -> "the guide quotes code that is not in "
                    + SOURCES + ":\n" + block);
        }
    }

    @Test
    void theWorkedExampleStaysUnder150Lines() throws IOException {
        long lines = Files.readAllLines(SOURCES.resolve("SemispaceCollector.java")).size();
        assertTrue(lines < 150, "SemispaceCollector.java has " + lines + " lines");
    }

    @Test
    void blocksAreFoundAndNormalized() {
        List<String> blocks = javaBlocks("x\n```java\n    int a;\n  int b;\n```\n```\nshell\n```\n```java\nc();\n```\n");
        assertEquals(List.of("    int a;\n  int b;\n", "c();\n"), blocks);
        assertEquals("int a;\nint b;", normalize(blocks.getFirst()));
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block == null && line.strip().equals("```java")) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** Lines stripped of indentation, blank lines dropped. */
    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
