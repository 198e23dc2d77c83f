package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The reference property over the whole strategy matrix (every collector, root set, tag scheme and
 * safepoint policy, as {@link StrategyMatrixTest} enumerates it), in debug mode (verifier and
 * live-set check on top of the model) and in release mode.
 */
class ReferencePropertyTest {
    private static final int PROGRAMS = 10;
    private static final int MAX_ACTIONS = 60;

    @TestFactory
    Stream<DynamicTest> everyCombinationAgreesWithTheReferenceModel() {
        return StrategyMatrixTest.combinations().stream().map(c -> c.withDebug(true))
                .map(config -> dynamicTest(config.strategies(), () -> check(config, seed(config))));
    }

    @TestFactory
    Stream<DynamicTest> everyCollectorAgreesInReleaseMode() {
        return StrategyMatrixTest.combinations().stream()
                .filter(c -> c.tags().equals(StrategyMatrixTest.names(dev.parallax.gc.api.strategy.Axis.TAGS).getFirst())
                        && c.safepoints().equals("allocation"))
                .map(c -> c.withOptions(StrategyMatrixTest.releaseOptions(c.collector())))
                .map(config -> dynamicTest(config.strategies() + ", release", () -> check(config, seed(config) + 3)));
    }

    /**
     * A collection at every third allocation: minor collections of the generational collector and
     * increments of the incremental one run between the program's actions, so references are
     * processed in minor collections and found during marking cycles (checked against what the
     * model allows, exactly again at each full collection).
     */
    @TestFactory
    Stream<DynamicTest> everyCollectorAgreesUnderStress() {
        return StrategyMatrixTest.names(dev.parallax.gc.api.strategy.Axis.COLLECTOR).stream()
                .map(c -> GcConfig.defaults().withCollector(c).withDebug(true)
                        .withOptions(StrategyMatrixTest.options(c))
                        .withStress(dev.parallax.gc.api.StressMode.ALLOCATION, 3))
                .map(config -> dynamicTest(config.strategies() + ", stress", () -> check(config, seed(config) + 7)));
    }

    private static void check(GcConfig config, long seed) {
        ReferenceProperty.Result result = ReferenceProperty.check(config, PROGRAMS, seed, MAX_ACTIONS);
        assertTrue(result.passed(), result::render);
        assertTrue(result.tried() == PROGRAMS, result::render);
        assertTrue(result.coverage()[0] + result.coverage()[1] + result.coverage()[2] > 0, result::render); // cleared or finalized
    }

    private static long seed(GcConfig config) {
        return config.strategies().hashCode() * 31L + 13;
    }
}
