package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.properties.program.Action;
import dev.parallax.gc.properties.program.Program;
import dev.parallax.gc.properties.run.InvariantViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A global registered in a runtime whose root sources do not scan the global table dangles after a
 * collection, and the invariants say so; {@code check} itself generates no global actions for such
 * a configuration, so that a root source can be checked on its own.
 */
class ForgottenGlobalsTest {
    private static final GcConfig NO_GLOBALS = GcConfig.defaults().withObjectIds(true).withHeapBytes(1 << 20)
            .withRoots(List.of("precise"));

    @Test
    void aGlobalNoRootSourceScansDanglesAndTheInvariantsSaySo() {
        Program program = Program.of(new Action.AllocShaped(0, 0), new Action.RegisterGlobal(0), new Action.Clear(0),
                new Action.Collect());
        InvariantViolation v = new SequentialProperty(NO_GLOBALS).run(program);
        assertTrue(v != null && v.getMessage().contains("global"), () -> String.valueOf(v));
    }

    @Test
    void checkLeavesGlobalsOutOfItsProgramsWhenNoRootSourceScansThem() {
        CheckReport report = PropertyChecker.check(NO_GLOBALS.withDebug(true), 100, 2L, 60);
        assertTrue(report.passed(), report::render);
    }
}
