package dev.parallax.gc.lang;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.lang.interp.Interpreter;
import dev.parallax.gc.lang.ir.CheckedScript;
import dev.parallax.gc.lang.run.Engine;
import dev.parallax.gc.lang.run.ScriptContext;
import dev.parallax.gc.lang.run.ScriptResult;
import dev.parallax.gc.lang.run.ScriptRunner;
import dev.parallax.gc.lang.syntax.SourceFile;
import dev.parallax.gc.runtime.GcRuntimes;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs scripts for the tests: text in, output and result out. */
public final class Run {
    /** What a run printed and how it ended. */
    public record Outcome(ScriptResult result, String output, List<String> warnings) {
        public boolean passed() {
            return result.passed();
        }

        @Override
        public String toString() {
            return (result.passed() ? "passed" : "failed: " + result.failures()) + "\n--- output\n" + output
                    + (warnings.isEmpty() ? "" : "--- warnings\n" + String.join("\n", warnings));
        }
    }

    private Run() {
    }

    /** The repository's scripts directory (tests run in their module's directory). */
    public static Path scriptsDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("scripts")) && Files.exists(p.resolve("pom.xml"))) {
                return p.resolve("scripts");
            }
        }
        throw new AssertionError("no scripts directory above " + Path.of("").toAbsolutePath());
    }

    /**
     * The heap a script asks for with its option lines, as the run command applies them (8 MiB when
     * it names none).
     */
    public static long heapOf(String script) {
        CheckedScript checked = Scripts.check(new SourceFile("heap.script", script));
        String heap = dev.parallax.gc.lang.run.ScriptOptions.map("heap.script", checked.options()).keys().get("heap");
        return heap == null ? 8L << 20 : Long.parseLong(heap);
    }

    /** Every script of the scripts directory, by name. */
    public static List<Path> scripts() {
        try (var files = Files.list(scriptsDir())) {
            return files.filter(f -> f.toString().endsWith(".script")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static Outcome interp(String text) {
        return run("test.script", text, GcConfig.defaults().withHeapBytes(8L << 20), new Interpreter());
    }

    public static Outcome run(String name, String text, GcConfig config, Engine engine) {
        CheckedScript script = Scripts.check(new SourceFile(name, text));
        if (script.usesHash()) {
            config = config.withObjectIds(true);
        }
        try (GcRuntime runtime = GcRuntimes.create(config)) {
            return run(script, runtime, engine);
        }
    }

    public static Outcome run(CheckedScript script, GcRuntime runtime, Engine engine) {
        return run(script, runtime, engine, Duration.ofSeconds(20));
    }

    public static Outcome run(String name, String text, GcConfig config, Engine engine, Duration barrierTimeout) {
        CheckedScript script = Scripts.check(new SourceFile(name, text));
        try (GcRuntime runtime = GcRuntimes.create(script.usesHash() ? config.withObjectIds(true) : config)) {
            return run(script, runtime, engine, barrierTimeout);
        }
    }

    public static Outcome run(CheckedScript script, GcRuntime runtime, Engine engine, Duration barrierTimeout) {
        StringWriter out = new StringWriter();
        List<String> warnings = new ArrayList<>();
        ScriptContext.Settings settings = ScriptContext.Settings.of(new PrintWriter(out), line -> {
            synchronized (warnings) {
                warnings.add(line);
            }
        }).withBarrierTimeout(barrierTimeout);
        ScriptResult result = ScriptRunner.run(script, runtime, engine, settings);
        return new Outcome(result, out.toString(), List.copyOf(warnings));
    }
}
