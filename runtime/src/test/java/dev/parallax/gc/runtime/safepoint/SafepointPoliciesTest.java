package dev.parallax.gc.runtime.safepoint;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.SafepointTimeoutException;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.safepoint.SafepointPolicy;
import dev.parallax.gc.api.safepoint.SafepointSite;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.StrategyCatalog;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three safepoint policies: which sites poll, every how many, and whether a loop can be stopped. */
@Timeout(30)
class SafepointPoliciesTest {
    private static GcConfig config(String policy, int interval) {
        return TestRuntimes.small().withSafepoints(policy)
                .withOptions(Map.of(SafepointInterval.OPTION, String.valueOf(interval)));
    }

    @Test
    void eachPolicyPollsAtItsOwnSiteKindAndAtExplicitPolls() {
        assertEquals(new PollSchedule(5, 0, 0), PollSchedule.of(new AllocationSafepoints(5)));
        assertEquals(new PollSchedule(0, 7, 0), PollSchedule.of(new BackEdgeSafepoints(7)));
        assertEquals(new PollSchedule(0, 0, 1), PollSchedule.of(new FunctionEntrySafepoints(1)));
        for (SafepointPolicy p : new SafepointPolicy[]{new AllocationSafepoints(), new BackEdgeSafepoints(1),
                new FunctionEntrySafepoints(1)}) {
            assertTrue(p.pollsAt(SafepointSite.EXPLICIT), p.name());
        }
    }

    @Test
    void theIntervalOptionIsReadAndABadOneIsRefused() {
        for (String policy : new String[]{"allocation", "back-edge", "function-entry"}) {
            try (GcRuntimeImpl runtime = TestRuntimes.create(config(policy, 9))) {
                assertEquals(policy, runtime.safepointPolicy().name());
                assertEquals(9, PollSchedule.of(runtime.safepointPolicy()).allocationInterval()
                        + PollSchedule.of(runtime.safepointPolicy()).backEdgeInterval()
                        + PollSchedule.of(runtime.safepointPolicy()).functionEntryInterval());
            }
            for (String bad : new String[]{"0", "-3", "often"}) {
                GcConfig config = TestRuntimes.small().withSafepoints(policy)
                        .withOptions(Map.of(SafepointInterval.OPTION, bad));
                String message = assertThrows(GcConfigException.class, () -> GcRuntimes.create(config)).getMessage();
                assertTrue(message.startsWith("safepoints.interval: '" + bad + "'"), message);
            }
        }
    }

    @Test
    void aPolicyWithANonPositiveIntervalIsRefused() {
        SafepointPolicy broken = new SafepointPolicy() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public boolean pollsAt(SafepointSite site) {
                return true;
            }

            @Override
            public int pollInterval(SafepointSite site) {
                return 0;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PollSchedule.of(broken));
        assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
    }

    /** With stress=poll every poll collects, so the collection count is the number of polls made. */
    @ParameterizedTest(name = "{0} every {1}: {2} x {3} -> {4} polls")
    @CsvSource({
            "back-edge,      4, backEdge,      12, 3",
            "back-edge,      1, functionEntry, 12, 0",
            "function-entry, 3, functionEntry,  9, 3",
            "function-entry, 1, backEdge,       9, 0",
            "allocation,     1, backEdge,      10, 0",
            "allocation,     1, functionEntry, 10, 0",
    })
    void sitesPollEveryNthTimeUnderTheirPolicyOnly(String policy, int interval, String site, int times, int polls) {
        try (GcRuntimeImpl runtime = TestRuntimes.create(config(policy, interval).withStress(StressMode.POLL, 1));
             Mutator m = runtime.attach("main")) {
            for (int i = 0; i < times; i++) {
                step(site).accept(m);
            }
            assertEquals(polls, runtime.stats().collections());
        }
    }

    @ParameterizedTest
    @CsvSource({"back-edge", "function-entry"})
    void theAllocationFastPathDoesNotPollUnderASitePolicyButTheSlowPathDoes(String policy) {
        try (GcRuntimeImpl runtime = TestRuntimes.create(config(policy, 1).withStress(StressMode.POLL, 1));
             Mutator m = runtime.attach("main")) {
            for (int i = 0; i < 100; i++) {
                m.boxLong(i);                                   // 24 bytes each: all in the first 4 KiB buffer
            }
            assertEquals(1, runtime.stats().collections(), "one poll: the first allocation's buffer refill");
        }
    }

    /**
     * A thread looping over one kind of site and nothing else is stopped by a collection exactly
     * when its policy polls there (the allocation slow path polls under every policy); otherwise the
     * handshake times out naming it.
     */
    @ParameterizedTest(name = "{0} every {1}: a loop of {2} stops: {3}")
    @CsvSource({
            "allocation,     1,  allocate,      true",
            "allocation,     1,  backEdge,      false",
            "allocation,     1,  functionEntry, false",
            "back-edge,      1,  backEdge,      true",
            "back-edge,      64, backEdge,      true",
            "back-edge,      1,  allocate,      true",
            "back-edge,      1,  functionEntry, false",
            "function-entry, 1,  functionEntry, true",
            "function-entry, 64, functionEntry, true",
            "function-entry, 1,  allocate,      true",
            "function-entry, 1,  backEdge,      false",
    })
    void aLoopIsStoppedExactlyWhenItsSitesPoll(String policy, int interval, String site, boolean stops)
            throws Exception {
        try (GcRuntimeImpl runtime = GcRuntimes.create(config(policy, interval).withSafepointTimeoutMillis(300),
                StrategyCatalog.discover())) {
            AtomicReference<CollectionRecord> record = new AtomicReference<>();
            runtime.addListener(new GcListener() {
                @Override
                public void collectionEnded(CollectionRecord r) {
                    record.set(r);
                }
            });
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch running = new CountDownLatch(1);
            Consumer<Mutator> step = step(site);
            Thread t = new Thread(() -> {
                try (Mutator m = runtime.attach("looper")) {
                    step.accept(m);
                    running.countDown();
                    while (!done.get()) {
                        step.accept(m);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            assertTrue(running.await(10, TimeUnit.SECONDS));
            try {
                if (stops) {
                    runtime.collectNow("stop the looper");
                    CollectionRecord r = record.get();
                    assertTrue(r.timeToSafepointNanos() > 0 && r.timeToSafepointNanos() <= r.pauseNanos(), r.toString());
                    assertEquals(r.timeToSafepointNanos(), runtime.stats().maxTimeToSafepointNanos());
                } else {
                    SafepointTimeoutException e = assertThrows(SafepointTimeoutException.class,
                            () -> runtime.collectNow("stop the looper"));
                    assertTrue(e.getMessage().contains("'looper'") && e.getMessage().contains("did not reach a safepoint"),
                            e.getMessage());
                    assertEquals(0, runtime.stats().collections());
                }
            } finally {
                done.set(true);
                t.join();
            }
            assertNull(failure.get());
        }
    }

    private static Consumer<Mutator> step(String site) {
        return switch (site) {
            case "allocate" -> m -> m.allocateRawArray(4);
            case "backEdge" -> Mutator::backEdge;
            case "functionEntry" -> Mutator::functionEntry;
            default -> throw new IllegalArgumentException(site);
        };
    }
}
