package dev.parallax.gc.toolkit.workers;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool's contract: every worker runs each task once, run returns after all, failures surface. */
class WorkerPoolTest {
    @Test
    void everyWorkerRunsEachTaskOnceAndItsWritesAreSeenAfterRun() {
        try (WorkerPool pool = new WorkerPool(3, "test-gc")) {
            long[] counts = new long[3];
            for (int run = 0; run < 20_000; run++) {
                if (run % 1_000 == 0) {
                    LockSupport.parkNanos(2_000_000);   // the helpers stop spinning and park
                } else if (run % 1_000 == 500) {
                    pool.wake();
                }
                pool.run(w -> counts[w]++);   // plain writes: run must publish them to the caller
                for (int w = 0; w < 3; w++) {
                    assertEquals(run + 1, counts[w], "worker " + w + " after run " + run);
                }
            }
        }
    }

    @Test
    void aHelpersFailureIsRethrownAndThePoolStaysUsable() {
        try (WorkerPool pool = new WorkerPool(2, "test-gc")) {
            IllegalStateException failure = new IllegalStateException("worker 1 failed");
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> pool.run(w -> {
                if (w == 1) {
                    throw failure;
                }
            }));
            assertSame(failure, thrown);
            boolean[] ran = new boolean[2];
            pool.run(w -> ran[w] = true);
            assertTrue(ran[0] && ran[1], "both workers run the task after a failed one");
        }
    }

    /**
     * A joinable task does not wait for a helper the OS has not run yet: with the helper held back,
     * the caller runs it alone and returns; the helper, once let go, skips that task (it was closed)
     * and runs the next plain one, which waits for it as before.
     */
    @Test
    void aJoinableTaskDoesNotWaitForAHelperThatComesLateAndTheLatecomerSkipsIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Consumer<Runnable> late = loop -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop.run();
        };
        try (WorkerPool pool = new WorkerPool(2, "test-gc", late)) {
            AtomicInteger[] runs = {new AtomicInteger(), new AtomicInteger()};
            pool.runJoinable(w -> runs[w].incrementAndGet());
            assertEquals(1, runs[0].get(), "the caller ran its share");
            assertEquals(0, runs[1].get(), "the held-back helper did not");
            release.countDown();
            int[] plain = new int[2];
            pool.run(w -> plain[w]++);   // waits for the helper: it must come, and must skip the closed job
            assertEquals(1, plain[0]);
            assertEquals(1, plain[1], "the helper ran the plain task");
            assertEquals(0, runs[1].get(), "the latecomer skipped the joinable task its caller had closed");
        }
    }

    /** Helpers that are there join joinable tasks; whatever joined has finished when the call returns. */
    @Test
    void helpersThatComeInTimeRunAJoinableTaskAndFinishBeforeItReturns() {
        try (WorkerPool pool = new WorkerPool(3, "test-gc")) {
            long[] counts = new long[3];
            int joined = 0;
            for (int run = 0; run < 2_000; run++) {
                long[] before = counts.clone();
                pool.runJoinable(w -> {
                    counts[w]++;   // plain writes: the call must publish the joined helpers' writes
                    if (w == 0) {
                        LockSupport.parkNanos(20_000);   // the caller's share takes a while: helpers come
                    }
                });
                assertEquals(before[0] + 1, counts[0], "the caller runs every joinable task");
                for (int w = 1; w < 3; w++) {
                    assertTrue(counts[w] - before[w] <= 1, "worker " + w + " ran run " + run + " at most once");
                    joined += (int) (counts[w] - before[w]);
                }
            }
            assertTrue(joined > 0, "some helper joined in 2,000 runs");
        }
    }

    @Test
    void runAfterCloseIsRefusedWithAClearError() {
        WorkerPool pool = new WorkerPool(2, "test-gc");
        pool.close();
        pool.close();   // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run(w -> { }));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> pool.runJoinable(w -> { }));
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0, "test-gc"));
    }
}
