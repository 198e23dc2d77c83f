package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mutator stacks are regions reserved with the heap: as many as the config's {@code mutators}, reused after close. */
class StackRegionsTest {
    @Test
    void oneMutatorMoreThanTheConfigAllowsIsRefusedNamingTheKeyAndAClosedOnesRegionIsReused() throws Exception {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withMaxMutators(2))) {
            Mutator first = runtime.attach("first");
            AtomicReference<Throwable> thirdFailure = new AtomicReference<>();
            CountDownLatch secondAttached = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            List<Integer> regions = new ArrayList<>();
            Thread second = new Thread(() -> {
                try (AttachedMutator m = (AttachedMutator) runtime.attach("second")) {
                    regions.add(m.stackIndex());
                    secondAttached.countDown();
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            second.start();
            secondAttached.await();
            Thread third = new Thread(() -> {
                try {
                    runtime.attach("third").close();
                } catch (Throwable e) {
                    thirdFailure.set(e);
                }
            });
            third.start();
            third.join();
            assertTrue(thirdFailure.get() instanceof IllegalStateException, String.valueOf(thirdFailure.get()));
            assertTrue(thirdFailure.get().getMessage().contains("stacks for 2 mutators")
                    && thirdFailure.get().getMessage().contains("config key mutators"), thirdFailure.get().getMessage());
            int firstRegion = ((AttachedMutator) first).stackIndex();
            assertNotEquals(firstRegion, regions.getFirst());
            first.close();
            AtomicReference<Integer> reused = new AtomicReference<>();
            AtomicReference<Throwable> fourthFailure = new AtomicReference<>();
            Thread fourth = new Thread(() -> {
                try (AttachedMutator m = (AttachedMutator) runtime.attach("fourth")) {
                    reused.set(m.stackIndex());
                } catch (Throwable e) {
                    fourthFailure.set(e);
                }
            });
            fourth.start();
            fourth.join();
            assertNull(fourthFailure.get());
            assertEquals(firstRegion, reused.get(), "the closed mutator's region");
            done.countDown();
            second.join();
        }
    }
}
