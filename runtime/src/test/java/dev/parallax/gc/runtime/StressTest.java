package dev.parallax.gc.runtime;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcStats;
import dev.parallax.gc.api.GlobalRoot;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random graph mutation under every real collector, in debug mode (the verifier and the live-set
 * check run around every collection) and stress mode (collections far more often than needed).
 * Each node carries a checksum of its own id, so a moved or overwritten object is caught on read.
 */
@Timeout(60)
class StressTest {
    private static final int SLOTS = 12;

    @ParameterizedTest(name = "{0} / {1} / {2} / {3} / stress {4} every {5}, {6} steps")
    @CsvSource({
            "mark-sweep,   precise+globals,      low-bit,  allocation,     ALLOCATION, 37, 30000",
            "mark-sweep,   precise+globals,      low-bit,  allocation,     ALLOCATION, 1,  4000",
            "mark-sweep,   conservative+globals, high-bit, allocation,     POLL,       53, 30000",
            "mark-sweep,   precise+globals,      low-bit,  back-edge,      POLL,       1,  4000",
            "mark-compact, precise+globals,      low-bit,  allocation,     POLL,       29, 30000",
            "mark-compact, conservative+globals, low-bit,  allocation,     ALLOCATION, 41, 30000",
            "mark-compact, precise+globals,      low-bit,  allocation,     ALLOCATION, 1,  4000",
            "mark-compact, conservative+globals, low-bit,  function-entry, POLL,       3,  8000",
            "incremental,  precise+globals,      low-bit,  allocation,     OFF,        1,  30000",
            "incremental,  precise+globals,      high-bit, allocation,     ALLOCATION, 97, 30000",
            "incremental,  precise+globals,      low-bit,  allocation,     ALLOCATION, 1,  4000",
            "incremental,  conservative+globals, low-bit,  allocation,     POLL,       5,  8000",
            "incremental,  precise+globals,      low-bit,  back-edge,      POLL,       1,  4000",
    })
    void randomMutationKeepsTheGraphIntact(String collector, String roots, String tags, String safepoints,
                                           StressMode stress, int every, int steps) {
        GcConfig config = TestRuntimes.small().withCollector(collector).withRoots(List.of(roots.split("\\+")))
                .withTags(tags).withSafepoints(safepoints).withHeapBytes(256 * 1024).withDebug(true)
                .withStress(stress, every);
        List<CollectionRecord> records = new CopyOnWriteArrayList<>();
        try (GcRuntimeImpl runtime = TestRuntimes.create(config); Mutator m = runtime.attach("main")) {
            runtime.addListener(new GcListener() {
                @Override
                public void collectionEnded(CollectionRecord record) {
                    records.add(record);
                }
            });
            new Workload(runtime, m, 42).run(steps);
            GcStats stats = runtime.stats();
            assertTrue(stats.collections() >= 5, collector + ": " + stats);
            if (collector.equals("incremental") && stress == StressMode.OFF) {
                assertTrue(records.stream().anyMatch(r -> r.reason().equals("increment")), "incremental steps ran");
            }
            if (stress != StressMode.OFF && every == 1) {
                assertTrue(stats.collections() >= steps / 4, "a collection at every " + stress + ": " + stats);
            }
            assertEquals(stats.collections(), records.size());
            assertEquals(0, runtime.debugViolations());
            assertTrue(records.stream().allMatch(r -> r.phaseNanos().containsKey(GcPhase.VERIFY)), "debug pauses verify");
        }
    }

    @Test
    void twoMutatorsUnderStressWithAMovingCollector() throws Exception {
        GcConfig config = TestRuntimes.small().withCollector("mark-compact").withHeapBytes(1 << 20).withDebug(true)
                .withStress(StressMode.ALLOCATION, 101);
        try (GcRuntimeImpl runtime = TestRuntimes.create(config)) {
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Thread[] threads = new Thread[2];
            for (int t = 0; t < threads.length; t++) {
                int seed = t;
                threads[t] = new Thread(() -> {
                    try (Mutator m = runtime.attach("worker-" + seed)) {
                        new Workload(runtime, m, seed).run(8_000);
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(failures.isEmpty(), () -> failures.getFirst().toString());
            assertTrue(runtime.stats().collections() >= 10, runtime.stats().toString());
        }
    }

    /** A seeded random program over a frame of slots, a global, pins, arrays, boxes and closures. */
    private static final class Workload {
        private final GcRuntimeImpl runtime;
        private final Mutator m;
        private final Random random;
        private final Shape node;
        private final GlobalRoot global;

        Workload(GcRuntimeImpl runtime, Mutator m, long seed) {
            this.runtime = runtime;
            this.m = m;
            this.random = new Random(seed);
            this.node = runtime.shapes().define("Node", 3, 0, 1);   // fields 0, 1 references; 2 raw checksum
            this.global = runtime.globals().register("root-" + m.name());
        }

        void run(int steps) {
            m.pushFrame(SLOTS);
            for (int step = 0; step < steps; step++) {
                m.functionEntry();                              // a poll under function-entry
                step(random.nextInt(10), random.nextInt(SLOTS), random.nextInt(SLOTS));
                m.backEdge();                                   // a poll under back-edge
                if (step % 64 == 0) {
                    m.poll();
                }
            }
            checkAll();
            m.popFrame();
            global.unregister();
        }

        private void step(int op, int a, int b) {
            switch (op) {
                case 0, 1, 2 -> {
                    long n = m.allocate(node);
                    m.writeRaw(n, 2, checksum(n));
                    m.setRef(a, n);
                }
                case 3 -> link(a, b);
                case 4 -> m.clear(a);
                case 5 -> m.setRef(a, m.allocateRefArray(random.nextInt(40)));
                case 6 -> m.setRef(a, random.nextBoolean() ? m.boxLong(a) : m.allocateClosure(3, 2));
                case 7 -> global.setRef(m.ref(a) == 0 || !isNode(m.ref(a)) ? 0 : m.ref(a));
                case 8 -> m.setRef(a, global.ref());
                default -> checkAll();
            }
        }

        private void link(int a, int b) {
            long from = m.ref(a);
            if (from != 0 && isNode(from)) {
                m.writeRef(from, random.nextInt(2), m.ref(b));
            } else if (from != 0 && m.kind(from) == ObjectKind.REF_ARRAY && m.length(from) > 0) {
                m.writeRef(from, random.nextInt(m.length(from)), m.ref(b));
            }
        }

        private boolean isNode(long object) {
            return m.kind(object) == ObjectKind.SHAPED;
        }

        private long checksum(long object) {
            return m.objectId(object) * 0x9E37_79B9L;
        }

        /** Every node reachable from the slots (depth-limited) still carries its own checksum. */
        private void checkAll() {
            for (int s = 0; s < SLOTS; s++) {
                check(m.ref(s), 4);
            }
            check(global.ref(), 4);
        }

        private void check(long object, int depth) {
            if (object == 0 || depth == 0) {
                return;
            }
            if (isNode(object)) {
                assertEquals(checksum(object), m.readRaw(object, 2), () -> runtime.describe(object));
                check(m.readRef(object, 0), depth - 1);
                check(m.readRef(object, 1), depth - 1);
            } else if (m.kind(object) == ObjectKind.BOXED_LONG) {
                assertTrue(m.unboxLong(object) >= 0 && m.unboxLong(object) < SLOTS);
            }
        }
    }
}
