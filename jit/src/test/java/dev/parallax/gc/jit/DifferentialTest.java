package dev.parallax.gc.jit;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.properties.program.Programs;
import dev.parallax.gc.runtime.StrategyCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.quicktheories.QuickTheory.qt;

/**
 * The property checker's generated programs, emitted as scripts, run by both engines on every
 * strategy combination in stress mode and debug mode (the runtime's verifier and live-set sanity
 * check after every collection, the compiler's stack-map cross-check before every safepoint): the
 * engines must print the same text and leave the same live set.
 */
class DifferentialTest {
    static final int PROGRAMS = 6;
    static final int MAX_ACTIONS = 60;
    static final List<List<String>> ROOT_SETS = List.of(List.of("precise", "globals"),
            List.of("conservative", "globals"));

    @TestFactory
    Stream<DynamicTest> bothEnginesAgreeOnEveryCombinationInStressMode() {
        return combinations().stream().map(config -> dynamicTest(Differential.name(config), () ->
                qt().withFixedSeed(config.strategies().hashCode()).withExamples(PROGRAMS).withShrinkCycles(50)
                        .forAll(Programs.programs(MAX_ACTIONS))
                        .checkAssert(program -> Differential.assertAgree(program, config, new Jit()))));
    }

    /** Every collector x root set x tag scheme x safepoint policy, debug mode, a collection at every site of the policy's kind. */
    static List<GcConfig> combinations() {
        List<GcConfig> out = new ArrayList<>();
        for (String collector : names(Axis.COLLECTOR)) {
            for (List<String> roots : ROOT_SETS) {
                for (String tags : names(Axis.TAGS)) {
                    for (String safepoints : names(Axis.SAFEPOINTS)) {
                        out.add(GcConfig.defaults().withHeapBytes(1L << 20).withCollector(collector).withRoots(roots)
                                .withTags(tags).withSafepoints(safepoints).withDebug(true)
                                .withStress(safepoints.equals("allocation") ? StressMode.ALLOCATION : StressMode.POLL, 1)
                                .withOptions(collector.equals("incremental") ? Map.of("incremental.budget", "1")
                                        : Map.of()));
                    }
                }
            }
        }
        return out;
    }

    static List<String> names(Axis axis) {
        return StrategyCatalog.discover().names(axis);
    }
}
