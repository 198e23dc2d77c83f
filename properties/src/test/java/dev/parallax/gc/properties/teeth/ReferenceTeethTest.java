package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.properties.ReferenceProperty;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.reference.ReferenceProcessor;
import dev.parallax.gc.api.reference.ReferenceKind;
import dev.parallax.gc.properties.reference.RefAction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference property catches the seeded reference bugs, and shrinks them to short programs. */
class ReferenceTeethTest {
    private static final int PROGRAMS = 100;
    private static final int MAX_ACTIONS = 60;

    /** A weak referent reachable only through a node's field: the early processing clears it, the property says so. */
    @Test
    void clearingAWeakReferenceWhoseReferentIsStronglyReachableIsCaught() {
        List<RefAction> program = List.of(new RefAction.Alloc(0), new RefAction.Alloc(1), new RefAction.Link(0, 0, 1),
                new RefAction.NewRef(ReferenceKind.WEAK, 1, 2), new RefAction.Drop(1), new RefAction.Collect(false));
        GcConfig early = GcConfig.defaults().withCollector(EarlyReferenceProcessing.NAME).withDebug(true);
        String failure = ReferenceProperty.failure(early, program, GcRuntimes::create);
        assertTrue(failure != null && failure.contains("WEAK reference #3 was cleared while the model still reaches "
                + "its referent #2 strongly"), String.valueOf(failure));
        assertNull(ReferenceProperty.failure(early.withCollector("mark-sweep"), program, GcRuntimes::create));
    }

    @Test
    void randomProgramsFindTheEarlyProcessingAndShrinkIt() {
        GcConfig config = GcConfig.defaults().withCollector(EarlyReferenceProcessing.NAME).withDebug(true);
        ReferenceProperty.Result result = ReferenceProperty.check(config, PROGRAMS, 21L, MAX_ACTIONS);
        assertFalse(result.passed(), result::render);
        assertTrue(result.failure().contains("was cleared while the model still reaches its referent")
                || result.failure().contains("which the model still reaches"), result::render);
        assertTrue(result.counterexample().size() <= 10, result::render);
    }

    @Test
    void runningAFinalizerTwiceIsCaught() {
        for (String collector : new String[] {"mark-sweep", "semispace"}) {
            GcConfig config = GcConfig.defaults().withCollector(collector).withDebug(true);
            ReferenceProperty.Result result = ReferenceProperty.check(config, PROGRAMS, 22L, MAX_ACTIONS,
                    ReferenceTeethTest::finalizeTwice);
            assertFalse(result.passed(), result::render);
            assertTrue(result.failure().contains("ran 2 times"), result::render);
            assertTrue(result.counterexample().size() <= 10, result::render);
        }
    }

    private static GcRuntime finalizeTwice(GcConfig config) {
        GcRuntimeImpl runtime = (GcRuntimeImpl) GcRuntimes.create(config);
        runtime.referenceProcessor().seedBug(ReferenceProcessor.SeededBug.FINALIZE_TWICE);
        return runtime;
    }
}
