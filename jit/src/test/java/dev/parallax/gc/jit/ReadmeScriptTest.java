package dev.parallax.gc.jit;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.lang.Run;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's example script runs as shown, the same on both engines. */
class ReadmeScriptTest {
    @Test
    void theLanguageExampleRuns() throws Exception {
        List<String> readme = Files.readAllLines(Run.scriptsDir().getParent().resolve("README.md"));
        int section = readme.indexOf("### The language");
        int start = readme.subList(section, readme.size()).indexOf("```") + section + 1;
        int end = readme.subList(start, readme.size()).indexOf("```") + start;
        String script = String.join("\n", readme.subList(start, end));
        assertTrue(script.contains("void main()"), script);
        Differential.assertAgree(script, GcConfig.defaults().withHeapBytes(1L << 20), new Jit(), false);
    }
}
