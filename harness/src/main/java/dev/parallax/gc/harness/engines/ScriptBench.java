package dev.parallax.gc.harness.engines;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.harness.gcbench.BodyResult;
import dev.parallax.gc.harness.gcbench.GcBench;
import dev.parallax.gc.harness.gcbench.GcBenchFailure;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.lang.ScriptException;
import dev.parallax.gc.lang.ir.CheckedScript;
import dev.parallax.gc.lang.run.Engine;
import dev.parallax.gc.lang.run.ScriptContext;
import dev.parallax.gc.lang.run.ScriptSession;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;

/**
 * A script method run as a benchmark body by one engine: the script is prepared (compiled) once, on
 * the benchmark's runtime, and each body calls the method on the calling thread. A body passes when
 * the method returns and prints what {@code expectedOutput} says (the script's own assertions check
 * the rest); it then reports GCBench's expected result, so that the runner's survival check holds.
 */
public final class ScriptBench implements GcBench {
    private final GcBenchParams params;
    private final ScriptSession session;
    private final StringWriter output = new StringWriter();
    private final String method;
    private final Object[] args;
    private final int calls;
    private final String expectedOutput;

    /**
     * @param calls          calls of the method per body (&ge; 1), so that a short script makes a body long
     *                       enough to time
     * @param expectedOutput what one call prints (null: anything)
     * @param warnings       told the script's remarks
     */
    public ScriptBench(GcRuntime runtime, CheckedScript script, Engine engine, GcBenchParams params, String method,
                       Object[] args, int calls, String expectedOutput, Consumer<String> warnings) {
        if (calls < 1) {
            throw new IllegalArgumentException("a body makes at least one call, not " + calls);
        }
        this.params = params;
        this.method = method;
        this.args = args.clone();
        this.calls = calls;
        this.expectedOutput = expectedOutput;
        this.session = ScriptSession.open(script, runtime, engine,
                ScriptContext.Settings.of(new PrintWriter(output, true), warnings));
    }

    /** GCBench's body as {@code gcbench.script} defines it, with the given sizes; checks what it prints. */
    public static ScriptBench gcBench(GcRuntime runtime, CheckedScript script, Engine engine, GcBenchParams params,
                                      Consumer<String> warnings) {
        long temporary = 0;
        for (int depth = params.minDepth(); depth <= params.maxDepth(); depth += 2) {
            temporary += 2 * GcBenchParams.treeSize(depth);
        }
        String expected = "gcbench: long-lived tree of " + GcBenchParams.treeSize(params.longLivedDepth())
                + " nodes and depth " + params.longLivedDepth() + ", element 1000 is " + 1_000_000 / 1001
                + ", last temporary trees " + temporary + " nodes" + System.lineSeparator();
        return new ScriptBench(runtime, script, engine, params, "body", new Object[] {params.stretchDepth(),
                params.longLivedDepth(), params.arraySize(), params.minDepth(), params.maxDepth()}, 1, expected, warnings);
    }

    @Override
    public GcBenchParams params() {
        return params;
    }

    @Override
    public BodyResult runBody() {
        for (int i = 0; i < calls; i++) {
            output.getBuffer().setLength(0);
            try {
                session.call(method, args);
            } catch (ScriptException e) {
                throw new GcBenchFailure("script " + session.script().source().name() + " failed: " + e.getMessage());
            }
            if (expectedOutput != null && !output.toString().equals(expectedOutput)) {
                throw new GcBenchFailure("script " + session.script().source().name() + " printed " + output
                        + " where " + expectedOutput + " was expected");
            }
        }
        return BodyResult.expected(params);
    }

    @Override
    public void close() {
        session.close();
    }
}
