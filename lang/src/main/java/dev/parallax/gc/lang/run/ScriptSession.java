package dev.parallax.gc.lang.run;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.lang.ir.CheckedScript;
import dev.parallax.gc.lang.ir.MethodInfo;

/**
 * A script prepared once and called many times from one thread, as a benchmark calls its body:
 * the thread that opens the session attaches a mutator and runs the calls itself (no threads of
 * the script's own; {@code spawn} still works). Errors are thrown, not recorded.
 */
public final class ScriptSession implements AutoCloseable {
    private final ScriptContext context;
    private final Engine.Program program;
    private final ScriptThread thread;

    private ScriptSession(ScriptContext context, Engine.Program program, ScriptThread thread) {
        this.context = context;
        this.program = program;
        this.thread = thread;
    }

    /** Prepares {@code script} with {@code engine} and attaches the calling thread to {@code runtime}. */
    public static ScriptSession open(CheckedScript script, GcRuntime runtime, Engine engine,
                                     ScriptContext.Settings settings) {
        ScriptContext context = new ScriptContext(script, runtime, settings);
        Engine.Program program = engine.prepare(context);
        context.setProgram(program);
        Mutator m = runtime.attach("script session");
        return new ScriptSession(context, program, new ScriptThread(context, m, 0));
    }

    /**
     * Calls method {@code name} with {@link Integer}, {@link Boolean} and {@link String} arguments.
     *
     * @throws IllegalArgumentException for an unknown method or a closure
     * @throws dev.parallax.gc.lang.ScriptException for the script's own errors
     */
    public void call(String name, Object... args) {
        MethodInfo method = context.script().method(name);
        if (method == null || method.body() == null) {
            throw new IllegalArgumentException("script " + context.script().source().name() + " has no method '"
                    + name + "' with a body");
        }
        if (method.params().size() != args.length) {
            throw new IllegalArgumentException("method '" + name + "' takes " + method.params().size()
                    + " arguments, not " + args.length);
        }
        Mutator m = thread.mutator();
        int depth = m.frameDepth();
        try {
            program.invoke(thread, method, args);
        } finally {
            while (m.frameDepth() > depth) { // frames left by an error
                m.popFrame();
            }
        }
        java.util.List<String> failures = context.failures();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a thread of script " + context.script().source().name() + " failed: "
                    + failures.getFirst());
        }
    }

    public CheckedScript script() {
        return context.script();
    }

    /** Detaches the session's mutator after waiting for any thread the script spawned. */
    @Override
    public void close() {
        try {
            context.awaitThreads();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.mutator().close();
        }
    }
}
