package dev.parallax.gc.toolkit.workers;

import org.junit.jupiter.api.Test;

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

    @Test
    void runAfterCloseIsRefusedWithAClearError() {
        WorkerPool pool = new WorkerPool(2, "test-gc");
        pool.close();
        pool.close();   // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run(w -> { }));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0, "test-gc"));
    }
}
