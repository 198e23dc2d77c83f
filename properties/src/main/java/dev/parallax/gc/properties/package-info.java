/**
 * Property checking of GC strategies, as a product feature.
 *
 * <p>{@link dev.parallax.gc.properties.PropertyChecker} generates mutator programs
 * ({@link dev.parallax.gc.properties.program}), runs each on a fresh runtime and, in lock-step, on a
 * plain-Java reference model ({@link dev.parallax.gc.properties.model}), and checks the invariants
 * of {@link dev.parallax.gc.properties.run.Invariant} after every collection: the graph the program
 * sees, and, on the heap as recorded inside each pause, what was reclaimed, what stack words name,
 * what is pinned and whether a compaction left the survivors contiguous
 * ({@link dev.parallax.gc.properties.run.PauseInvariants}). A failing program is shrunk and reported
 * as a {@link dev.parallax.gc.properties.CheckReport}, which also says what the programs exercised
 * ({@link dev.parallax.gc.properties.run.Coverage}):
 *
 * <pre>{@code
 * GcConfig config = GcConfig.defaults().withCollector("my-collector");
 * CheckReport report = PropertyChecker.check(config, 300, 42L, 100);
 * assertTrue(report.passed(), report::render);
 * }</pre>
 *
 * <p>Packages: {@code program} (the action language and its QuickTheories generators), {@code model}
 * (the oracle), {@code run} (resolution of actions, execution on both sides, the invariants).
 */
package dev.parallax.gc.properties;
