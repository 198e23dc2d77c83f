package dev.parallax.gc.runtime.safepoint;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.safepoint.SafepointPolicy;
import dev.parallax.gc.api.safepoint.SafepointSite;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.StrategyCatalog;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class AllocationSafepointsTest {
    private final SafepointPolicy policy = new AllocationSafepoints();

    @Test
    void pollsAtAllocationsAndExplicitPollsOnly() {
        assertTrue(policy.pollsAt(SafepointSite.ALLOCATION));
        assertTrue(policy.pollsAt(SafepointSite.EXPLICIT));
        assertFalse(policy.pollsAt(SafepointSite.BACK_EDGE));
        assertFalse(policy.pollsAt(SafepointSite.FUNCTION_ENTRY));
        assertEquals(new PollSchedule(1, 0, 0), PollSchedule.of(policy));
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

    @Test
    void aThreadThatOnlyAllocatesIsStoppedAtItsAllocations() throws Exception {
        assertStopped(true, m -> m.allocateRawArray(4));
    }

    @Test
    void backEdgesAndFunctionEntriesAreNotPollsUnderThisPolicy() throws Exception {
        assertStopped(false, m -> {
            m.backEdge();
            m.functionEntry();
        });
    }

    /** Runs {@code step} in a loop on a mutator thread and checks whether a collection can stop it. */
    private static void assertStopped(boolean expected, Consumer<Mutator> step) throws Exception {
        try (GcRuntimeImpl runtime = GcRuntimes.create(TestRuntimes.small(), StrategyCatalog.discover(),
                TimeUnit.MILLISECONDS.toNanos(300))) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch running = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                try (Mutator m = runtime.attach("looper")) {
                    running.countDown();
                    while (!done.get()) {
                        step.accept(m);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            running.await();
            try {
                runtime.collectNow("stop the looper");
                assertTrue(expected, "the looper was stopped although its loop has no poll");
            } catch (IllegalStateException e) {
                assertFalse(expected, "the looper was not stopped: " + e.getMessage());
            } finally {
                done.set(true);
                t.join();
            }
            assertNull(failure.get());
        }
    }
}
