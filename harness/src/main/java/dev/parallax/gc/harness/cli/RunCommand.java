package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.GcStats;
import dev.parallax.gc.harness.report.TextTable;
import dev.parallax.gc.jit.Jit;
import dev.parallax.gc.lang.ScriptException;
import dev.parallax.gc.lang.Scripts;
import dev.parallax.gc.lang.interp.Interpreter;
import dev.parallax.gc.lang.ir.CheckedScript;
import dev.parallax.gc.lang.run.Engine;
import dev.parallax.gc.lang.run.ScriptContext;
import dev.parallax.gc.lang.run.ScriptOptions;
import dev.parallax.gc.lang.run.ScriptResult;
import dev.parallax.gc.lang.run.ScriptRunner;
import dev.parallax.gc.lang.syntax.SourceFile;
import dev.parallax.gc.runtime.ConfigLoader;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.NearestName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parallax run SCRIPT...}: runs mutator scripts with the interpreter or the compiler, each on a
 * fresh runtime of the configured strategies (adjusted by the script's {@code option} lines; flags
 * win), printing the script's output and a GC summary per script.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs mutator scripts: the MMTk Harness script language, with closures and boxes.",
                "",
                "Each script runs on a fresh runtime of the configured strategies; a script's option lines adjust "
                        + "it, and flags win over them. Prints each script's output, then a summary of its "
                        + "collections. Exit code 0 when every script passes, 1 when one fails (a failed "
                        + "assertion, an error, a missing expected out-of-memory), 2 on a usage error."})
public final class RunCommand implements Callable<Integer> {
    private static final List<String> ENGINES = List.of("interp", "jit");

    @Parameters(paramLabel = "SCRIPT", arity = "1..*", description = "Script files to run, in order.")
    List<Path> scripts;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "jit",
            description = "interp (the reference interpreter) or jit (the compiler to JVM bytecode); "
                    + "default ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--sanity",
            description = "After every collection, check that the live set is the same by object identity "
                    + "(and verify the heap): the runtime's debug mode.")
    boolean sanity;

    @Option(names = "--check-stack-maps", negatable = true,
            description = "jit: before every safepoint, scan the frame conservatively and fail on a reference "
                    + "its stack map omits (default: on in debug mode).")
    Boolean checkStackMaps;

    @Option(names = "--poll-every-site",
            description = "jit: poll at every loop back-edge and function entry, whatever the safepoint policy "
                    + "says (to measure what polls cost).")
    boolean pollEverySite;

    @Mixin
    StrategyOptions strategy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Engine chosen = engine();
        if (sanity && strategy.debug != null && !strategy.debug) {
            throw new ParameterException(spec.commandLine(), "--sanity needs debug mode; it cannot be combined with "
                    + "--no-debug");
        }
        for (Path script : scripts) {
            if (!Files.isRegularFile(script) || !Files.isReadable(script)) {
                throw new ParameterException(spec.commandLine(), "script '" + script + "': "
                        + (Files.isDirectory(script) ? "is a directory" : "no such readable file"));
            }
        }
        StrategyOptions.requireKnownStrategies(config(Map.of())); // the flags, before any script runs
        boolean passed = true;
        for (Path file : scripts) {
            passed &= runScript(file, chosen, out, err);
        }
        return passed ? 0 : ErrorReporter.FAILURE;
    }

    private Engine engine() {
        if (!ENGINES.contains(engine)) {
            throw new ParameterException(spec.commandLine(), "unknown engine '" + engine + "'"
                    + NearestName.hint(engine, ENGINES) + "; engines: " + String.join(", ", ENGINES));
        }
        if (engine.equals("interp")) {
            if (checkStackMaps != null || pollEverySite) {
                throw new ParameterException(spec.commandLine(), (pollEverySite ? "--poll-every-site" : "--check-stack-maps")
                        + " applies to the compiler; use it with --engine jit");
            }
            return new Interpreter();
        }
        return new Jit(new Jit.Options(checkStackMaps, pollEverySite, Jit.SeededBug.NONE));
    }

    /** The configuration: defaults, profile, file, then the script's option keys, then the flags. */
    private GcConfig config(Map<String, String> scriptKeys) {
        Map<String, String> keys = new LinkedHashMap<>(scriptKeys);
        keys.putAll(strategy.flags());
        if (sanity) {
            keys.put("debug", "true");
        }
        return ConfigLoader.load(strategy.profile(), strategy.configFile(), keys);
    }

    private boolean runScript(Path file, Engine chosen, PrintWriter out, PrintWriter err) {
        String name = file.toString();
        CheckedScript script;
        try {
            script = Scripts.check(SourceFile.read(file));
        } catch (IOException e) {
            out.println("== " + name);
            return failed(out, List.of("cannot read " + name + ": " + e.getMessage()));
        } catch (ScriptException e) {
            out.println("== " + name);
            return failed(out, List.of(e.getMessage()));
        }
        ScriptOptions.Mapping options = ScriptOptions.map(name, script.options());
        options.warnings().forEach(w -> err.println("warning: " + w));
        err.flush();
        GcConfig config;
        try {
            config = config(options.keys());
            if (script.usesHash()) {
                config = config.withObjectIds(true);
            }
            StrategyOptions.requireKnownStrategies(config);
        } catch (GcConfigException e) {
            out.println("== " + name);
            return failed(out, List.of(name + ": its options make an unusable configuration: " + e.getMessage()));
        }
        out.printf("== %s (%s; %s, heap %s, %s mode%s)%n", name, chosen.name(), config.strategies(),
                TextTable.binarySize(config.heapBytes()), config.debug() ? "debug" : "release",
                stressNote(config));
        out.flush();
        ScriptResult result;
        try (GcRuntime runtime = GcRuntimes.create(config)) {
            ScriptContext.Settings settings = ScriptContext.Settings.of(out, line -> {
                err.println("warning: " + line);
                err.flush();
            });
            result = ScriptRunner.run(script, runtime, chosen, settings);
        } catch (GcConfigException e) {
            return failed(out, List.of(name + ": " + e.getMessage()));
        }
        if (!result.passed()) {
            return failed(out, result.failures());
        }
        out.println("-- passed in " + seconds(result.nanos()) + ": " + summary(result.stats())
                + (result.outOfMemoryAsExpected() > 0 ? "; ran out of memory, as expected" : ""));
        out.flush();
        return true;
    }

    private static String stressNote(GcConfig config) {
        return switch (config.stress()) {
            case OFF -> "";
            case ALLOCATION -> ", a collection every " + config.stressInterval() + " allocation(s)";
            case POLL -> ", a collection every " + config.stressInterval() + " poll(s)";
        };
    }

    private static boolean failed(PrintWriter out, List<String> failures) {
        for (String f : failures) {
            out.println("-- FAILED: " + f);
        }
        out.flush();
        return false;
    }

    /** "12 collections (pauses 3.4 ms in total, 0.9 ms at most), 45.6 MiB in 1,234 objects allocated, ...". */
    static String summary(GcStats s) {
        String pauses = s.collections() == 0 ? "" : String.format(Locale.ROOT, " (pauses %.1f ms in total, %.1f ms at most)",
                s.totalPauseNanos() / 1e6, s.maxPauseNanos() / 1e6);
        String after = s.heapAfterLastGc() == null ? "" : ", " + TextTable.binarySize(s.heapAfterLastGc().usedBytes())
                + " in use after the last";
        return TextTable.count(s.collections()) + " collection" + (s.collections() == 1 ? "" : "s") + pauses + ", "
                + TextTable.binarySize(s.bytesAllocated()) + " allocated in " + TextTable.count(s.objectsAllocated())
                + " objects" + after;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
