package dev.parallax.gc.runtime;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.StressMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        return Files.write(dir.resolve("gc.properties"), List.of(lines));
    }

    private static String refused(Path file, Map<String, String> flags) {
        return assertThrows(GcConfigException.class, () -> ConfigLoader.load(file, flags)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + message + "' lacks '" + part + "'");
        }
    }

    @Test
    void nothingGivenMeansTheDefaults() {
        assertEquals(GcConfig.defaults(), ConfigLoader.load(null, Map.of()));
    }

    @Test
    void theFileOverridesTheDefaultsAndFlagsOverrideTheFile() throws IOException {
        Path f = file("# a comment", "", "collector = mark-compact", "roots=precise, conservative", "heap=8m",
                "tlab=16k", "stack=2k", "globals=100", "debug=true", "stress=allocation", "stress-interval=7",
                "incremental.budget=300", "! another comment");
        GcConfig c = ConfigLoader.load(f, Map.of("heap", "1g", "debug", "false", "tags", "high-bit"));
        assertEquals("mark-compact", c.collector());
        assertEquals(List.of("precise", "conservative"), c.roots());
        assertEquals("high-bit", c.tags());
        assertEquals(1L << 30, c.heapBytes());
        assertEquals(16 * 1024, c.tlabBytes());
        assertEquals(2048, c.stackWords());
        assertEquals(100, c.globalCells());
        assertEquals(false, c.debug());
        assertEquals(StressMode.ALLOCATION, c.stress());
        assertEquals(7, c.stressInterval());
        assertEquals(Map.of("incremental.budget", "300"), c.options());
    }

    @Test
    void theSafepointTimeoutIsADurationWithAUnit() {
        assertEquals(60_000, ConfigLoader.load(null, Map.of()).safepointTimeoutMillis());
        assertEquals(250, ConfigLoader.load(null, Map.of("safepoint-timeout", "250ms")).safepointTimeoutMillis());
        assertEquals(30_000, ConfigLoader.load(null, Map.of("safepoint-timeout", "30s")).safepointTimeoutMillis());
        assertEquals(120_000, ConfigLoader.load(null, Map.of("safepoint-timeout", "2m")).safepointTimeoutMillis());
        assertContains(refused(null, Map.of("safepoint-timeout", "30")), "flag --safepoint-timeout",
                "safepoint-timeout = '30' is not a duration like 250ms, 30s or 2m");
        assertContains(refused(null, Map.of("safepoint-timeout", "0ms")), "flag --safepoint-timeout", "at least 1 ms");
    }

    @Test
    void sizesTakeKMAndGSuffixesOrPlainBytes() {
        assertEquals(512L << 10, ConfigLoader.load(null, Map.of("heap", "512k")).heapBytes());
        assertEquals(64L << 20, ConfigLoader.load(null, Map.of("heap", "64M")).heapBytes());
        assertEquals(123456, ConfigLoader.load(null, Map.of("heap", "123456")).heapBytes());
        assertEquals(Math.max(256, 123456 / 4 & ~7L), ConfigLoader.load(null, Map.of("heap", "123456")).tlabBytes(),
                "a small heap gets a TLAB that fits it");
    }

    @Test
    void badValuesNameTheKeyTheValueAndTheLine() throws IOException {
        Path f = file("collector=mark-sweep", "heap=12q");
        assertContains(refused(f, Map.of()), "config file " + f + " line 2", "heap", "'12q'", "64m");
        assertContains(refused(null, Map.of("debug", "yes")), "flag --debug", "'yes'", "true or false");
        assertContains(refused(null, Map.of("stress", "always")), "'always'", "off, allocation or poll");
        assertContains(refused(null, Map.of("heap", "99999999999999999999g")), "heap");
        assertContains(refused(null, Map.of("roots", "precise,,globals")), "roots", "comma-separated");
        assertContains(refused(null, Map.of("collector", "Mark Sweep")), "collector", "'Mark Sweep'");
        assertContains(refused(null, Map.of("stack", "3000000000")), "stack", "at most");
    }

    @Test
    void rangeErrorsOfTheConfigItselfNameWhereTheValueCameFrom() throws IOException {
        Path f = file("heap=1k");
        assertContains(refused(f, Map.of()), "config file " + f + " line 1: heap: 1024 bytes is too small");
        assertContains(refused(null, Map.of("stress-interval", "0")), "flag --stress-interval", "at least 1");
    }

    @Test
    void unknownKeysAreRefusedListingTheValidOnes() throws IOException {
        Path f = file("heap=8m", "colector=mark-sweep");
        assertContains(refused(f, Map.of()), "line 2", "unknown key 'colector'", "valid keys: collector, roots",
                "stress-interval", "containing a dot");
        assertContains(refused(null, Map.of("verbose", "true")), "flag --verbose", "unknown key 'verbose'");
    }

    @Test
    void malformedLinesAndRepeatedKeysAreRefused() throws IOException {
        Path f = file("heap=8m", "", "just some words");
        assertContains(refused(f, Map.of()), "config file " + f + " line 3: expected key = value (or key: value), found 'just some words'");
        Path g = file("heap=8m", "heap=16m");
        assertContains(refused(g, Map.of()), "line 2: key 'heap' is already set (config file " + g + " line 1)");
    }

    @Test
    void colonSeparatedLinesAreReadAsInJavaPropertiesFiles() throws IOException {
        Path f = file("collector: mark-compact", "heap : 8m", "incremental.budget: 300", "roots = precise");
        GcConfig c = ConfigLoader.load(f, Map.of());
        assertEquals("mark-compact", c.collector());
        assertEquals(8L << 20, c.heapBytes());
        assertEquals(Map.of("incremental.budget", "300"), c.options());
        assertEquals(List.of("precise"), c.roots());
    }

    @Test
    void aBadCountIsNotCalledASize() {
        String message = refused(null, Map.of("stack", "-5"));
        assertContains(message, "stack = '-5' is not a count like 4096 or 64k");
        assertTrue(!message.contains("size"), message);
    }

    @Test
    void anUnreadableFileIsNamed() {
        Path missing = dir.resolve("missing.properties");
        assertContains(refused(missing, Map.of()), "cannot read config file " + missing);
    }
}
