package dev.parallax.gc.runtime;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.collector.HeapUsage;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Regression (issue 8, defect 2): {@code GcRuntime.usage()} is callable at any time. A control
 * thread reads it over and over while a mutator collects in debug mode (freed memory poisoned, so
 * a reader following a stale free-list link reads poison): every reading must be consistent.
 */
@Timeout(60)
class UsageDuringCollectionTest {
    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact", "incremental"})
    void aControlThreadReadsAConsistentUsageWhileAMutatorCollects(String collector) throws Exception {
        GcConfig config = TestRuntimes.small().withDebug(true).withCollector(collector);
        List<String> problems = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        try (GcRuntime runtime = GcRuntimes.create(config)) {
            Thread reader = new Thread(() -> {
                long readings = 0;
                while (!done.get() && problems.size() < 5) {
                    try {
                        HeapUsage u = runtime.usage();
                        readings++;
                        if (u.usedBytes() + u.freeBytes() != u.capacityBytes() || u.largestFreeBytes() > u.freeBytes()
                                || u.freeBytes() < 0) {
                            problems.add("inconsistent reading " + u);
                        }
                    } catch (RuntimeException e) {
                        problems.add("usage() threw " + e);
                    }
                }
                if (readings == 0) {
                    problems.add("no reading was taken");
                }
            }, "usage-reader");
            reader.start();
            try (Mutator m = runtime.attach("collector")) {
                m.pushFrame(2);
                for (int round = 0; round < 150; round++) {
                    m.setRef(0, 0);
                    for (int i = 0; i < 200; i++) {
                        long cell = m.allocateRefArray(i % 7);   // garbage and survivors, interleaved
                        if (i % 3 == 0) {
                            m.setRef(1, cell);
                            m.setRef(0, m.allocateRefArray(1));
                            m.writeRef(m.ref(0), 0, m.ref(1));
                        }
                    }
                    m.collect();
                }
            } finally {
                done.set(true);
                reader.join();
            }
        }
        assertEquals(List.of(), problems);
    }
}
