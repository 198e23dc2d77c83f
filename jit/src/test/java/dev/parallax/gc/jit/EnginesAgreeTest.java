package dev.parallax.gc.jit;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.lang.Run;
import dev.parallax.gc.lang.RuntimeErrorCases;
import dev.parallax.gc.lang.interp.Interpreter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The compiler agrees with the interpreter on every script of the repository (both pass and print
 * the same) under a moving collector in debug mode with the stack-map cross-check, and under the
 * incremental collector with conservative roots and high-bit tags; and fails every failing script
 * with the interpreter's message.
 */
class EnginesAgreeTest {
    static final List<GcConfig> CONFIGS = List.of(
            GcConfig.defaults().withCollector("mark-compact").withSafepoints("function-entry").withDebug(true),
            GcConfig.defaults().withCollector("incremental").withRoots(List.of("conservative", "globals"))
                    .withTags("high-bit").withSafepoints("back-edge")
                    .withOptions(Map.of("incremental.budget", "64")));

    @TestFactory
    Stream<DynamicTest> everyScriptRunsTheSameOnBothEngines() {
        return Run.scripts().stream().filter(p -> !p.getFileName().toString().equals("gcbench.script"))
                .flatMap(p -> CONFIGS.stream().map(c -> dynamicTest(p.getFileName() + " on " + Differential.name(c),
                        () -> Differential.assertAgree(Files.readString(p), c.withHeapBytes(Run.heapOf(Files.readString(p))), new Jit(), false))));
    }

    @TestFactory
    Stream<DynamicTest> everyRuntimeErrorIsTheInterpretersError() {
        GcConfig config = GcConfig.defaults().withHeapBytes(1L << 20);
        return RuntimeErrorCases.ALL.stream().map(c -> dynamicTest(c.name(), () -> {
            Run.Outcome interp = Run.run("test.script", c.script(), config.withHeapBytes(Run.heapOf(c.script())),
                    new Interpreter());
            Run.Outcome jit = Run.run("test.script", c.script(), config.withHeapBytes(Run.heapOf(c.script())), new Jit());
            assertFalse(jit.passed(), jit::toString);
            if (c.name().equals("recursion without end")) { // the Java or the mutator stack, whichever is first
                assertEquals(1, jit.result().failures().size(), jit::toString);
                return;
            }
            assertEquals(interp.result().failures(), jit.result().failures());
        }));
    }
}
