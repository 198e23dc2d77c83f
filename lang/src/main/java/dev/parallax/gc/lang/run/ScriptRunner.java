package dev.parallax.gc.lang.run;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.lang.ScriptException;
import dev.parallax.gc.lang.ir.CheckedScript;

import java.util.List;

/**
 * Runs a checked script on a runtime with an engine: prepares it, runs {@code main()} on a thread of
 * its own with its own mutator, waits for every thread the script spawns, and reports how it ended.
 * The runtime must be configured for the script: with object ids if it calls {@code hash()}.
 */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    public static ScriptResult run(CheckedScript script, GcRuntime runtime, Engine engine,
                                   ScriptContext.Settings settings) {
        long start = System.nanoTime();
        ScriptContext context = new ScriptContext(script, runtime, settings);
        try {
            context.setProgram(engine.prepare(context));
        } catch (ScriptException e) {
            return new ScriptResult(script.source().name(), engine.name(), List.of(e.getMessage()), 0,
                    System.nanoTime() - start, runtime.stats());
        }
        context.startMain();
        try {
            context.awaitThreads();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.fail("interrupted while waiting for the script's threads");
        }
        return new ScriptResult(script.source().name(), engine.name(), context.failures(),
                context.outOfMemoryAsExpected(), System.nanoTime() - start, runtime.stats());
    }
}
