package dev.parallax.gc.jit;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.lang.Run;
import dev.parallax.gc.lang.Scripts;
import dev.parallax.gc.lang.interp.Interpreter;
import dev.parallax.gc.lang.ir.CheckedScript;
import dev.parallax.gc.lang.run.Engine;
import dev.parallax.gc.lang.syntax.SourceFile;
import dev.parallax.gc.properties.program.Program;
import dev.parallax.gc.properties.program.ScriptEmitter;
import dev.parallax.gc.runtime.GcRuntimes;

import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differential property: a script runs on the interpreter and on the compiler, each on a fresh
 * runtime of the same configuration; both must pass, print the same text (which describes the
 * graphs every method's variables reach) and, under a stop-the-world collector with precise roots,
 * leave the same number of objects live after the script's last collection when it was a
 * full one.
 */
final class Differential {
    /** One engine's run: its outcome and what its last collection found live. */
    record Side(Run.Outcome outcome, CollectionRecord last) {
    }

    private Differential() {
    }

    static Side run(CheckedScript script, GcConfig config, Engine engine) {
        try (GcRuntime runtime = GcRuntimes.create(script.usesHash() ? config.withObjectIds(true) : config)) {
            CollectionRecord[] last = new CollectionRecord[1];
            runtime.addListener(new GcListener() {
                @Override
                public void collectionEnded(CollectionRecord record) {
                    last[0] = record;
                }
            });
            return new Side(Run.run(script, runtime, engine), last[0]);
        }
    }

    /**
     * Asserts that the engines agree on {@code text}; the message shows the script. The live sets
     * after the last collection are compared when {@code sameLiveSet} (the script's last collection
     * comes when every variable in scope is still used, as in generated scripts; elsewhere the
     * compiler, which keeps only the references still used, may rightly keep fewer).
     */
    static void assertAgree(String text, GcConfig config, Engine compiler, boolean sameLiveSet) {
        CheckedScript script = Scripts.check(new SourceFile("generated.script", text));
        Side interp = run(script, config, new Interpreter());
        Side jit = run(script, config, compiler);
        String where = "\n--- on " + config.strategies() + ", stress " + config.stress() + "\n--- script:\n" + text
                + "\n--- interpreter: " + interp.outcome() + "\n--- compiler: " + jit.outcome();
        assertTrue(interp.outcome().passed(), "the interpreter failed" + where);
        assertEquals(interp.outcome().output(), jit.outcome().output(), "the engines printed different text" + where);
        assertTrue(jit.outcome().passed(), "the compiler failed" + where);
        if (sameLiveSet && exactLiveSet(config) && full(interp.last()) && full(jit.last())) {
            assertEquals(describe(interp.last()), describe(jit.last()),
                    "the engines left different live sets after the last collection" + where);
        }
    }

    static void assertAgree(Program program, GcConfig config, Engine compiler) {
        assertAgree(ScriptEmitter.script(program), config, compiler, true);
    }

    /** Whether the last collection's live count is exact: a stop-the-world collector and precise roots only. */
    static boolean exactLiveSet(GcConfig config) {
        return !config.collector().equals("incremental") && !config.roots().contains("conservative");
    }

    /**
     * Whether a collection traced the whole heap: a generational minor collection keeps every mature
     * object, dead or not, so its live count depends on when the engines' earlier collections came.
     */
    private static boolean full(CollectionRecord r) {
        return r == null || r.full();
    }

    /**
     * The live objects a collection found. Not its used bytes: a region collector counts a partly
     * used line or block whole, and where each engine's objects landed depends on when its earlier
     * collections came.
     */
    private static String describe(CollectionRecord r) {
        return r == null ? "no collection" : r.liveObjects() + " objects";
    }

    static String name(GcConfig c) {
        return c.strategies() + (c.stress() == dev.parallax.gc.api.StressMode.OFF ? ""
                : ", stress " + c.stress().name().toLowerCase(java.util.Locale.ROOT) + " " + c.stressInterval())
                + (c.debug() ? ", debug" : "") + (Objects.equals(c.options(), java.util.Map.of()) ? "" : " " + c.options());
    }
}
