package dev.parallax.gc.jit;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.lang.Run;
import dev.parallax.gc.properties.program.Programs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * A compiler bug planted on purpose (each method's stack maps leave out the highest frame slot it
 * spills a live reference to, the bug class of missed stack-map roots) is caught by the stack-map
 * cross-check at the first safepoint where it matters, and by the differential property.
 */
class SeededBugTest {
    private static final String SCRIPT = """
            type T { T next; int v; }
            T link(T a) {
              T b = alloc(T);
              b.next = a;
              return b;
            }
            void main() {
              T x = alloc(T);
              T y = link(x);
              print(y.next == x);
            }""";
    private static final Jit BUGGY = new Jit(Jit.Options.DEFAULT.withBug(Jit.SeededBug.OMIT_LIVE_SLOT));

    @Test
    void theCrossCheckNamesTheSafepointTheSlotAndTheObject() {
        // release mode: the runtime trusts the compiled code, so only the cross-check can see the bug
        GcConfig release = GcConfig.defaults().withHeapBytes(1L << 20);
        Run.Outcome caught = Run.run("test.script", SCRIPT, release,
                new Jit(BUGGY.options().withCrossCheck(true)));
        assertFalse(caught.passed(), caught::toString);
        String failure = caught.result().failures().getFirst();
        assertTrue(failure.startsWith("thread 0: StackMapViolation: stack map check failed at safepoint #"), failure);
        assertTrue(failure.contains("(call at test.script:9:9 in method 'main'): frame slot 0 holds a heap "
                + "reference (object SHAPED test.script:T at 0x"), failure);
        assertTrue(failure.contains("but the stack map lists only slots {}"), failure);

        Run.Outcome correct = Run.run("test.script", SCRIPT, release, new Jit(Jit.Options.DEFAULT.withCrossCheck(true)));
        assertTrue(correct.passed(), correct::toString);
        Run.Outcome unchecked = Run.run("test.script", SCRIPT, release, BUGGY);
        assertTrue(unchecked.passed(), "without a collection at the wrong moment the bug goes unseen: " + unchecked);
    }

    @Test
    void theDifferentialPropertyCatchesIt() {
        GcConfig stressed = GcConfig.defaults().withHeapBytes(1L << 20).withCollector("mark-compact")
                .withStress(StressMode.ALLOCATION, 1);
        AssertionError found = assertThrows(AssertionError.class, () -> qt().withFixedSeed(11).withExamples(40)
                .withShrinkCycles(20).forAll(Programs.programs(60))
                .checkAssert(program -> Differential.assertAgree(program, stressed, BUGGY)));
        assertTrue(found.getMessage().contains("the engines"), found.getMessage());
        // and the same programs pass with the compiler as it should be
        qt().withFixedSeed(11).withExamples(10).forAll(Programs.programs(60))
                .checkAssert(program -> Differential.assertAgree(program, stressed, new Jit()));
    }
}
