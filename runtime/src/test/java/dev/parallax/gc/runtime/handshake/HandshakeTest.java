package dev.parallax.gc.runtime.handshake;

import dev.parallax.gc.api.GcStats;
import dev.parallax.gc.api.SafepointTimeoutException;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.StrategyCatalog;
import dev.parallax.gc.runtime.TestRuntimes;
import dev.parallax.gc.runtime.mutator.AttachedMutator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class HandshakeTest {
    private GcRuntimeImpl runtime;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Thread t : threads) {
            t.join(10_000);
        }
        runtime.close();
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("a mutator thread failed");
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    /** Starts a thread attached as mutator {@code name}; its failures fail the test. */
    private Thread mutatorThread(String name, Consumer<Mutator> body) {
        Thread t = new Thread(() -> {
            try (Mutator m = runtime.attach(name)) {
                body.accept(m);
            } catch (Throwable e) {
                failures.add(e);
            }
        }, name);
        threads.add(t);
        t.start();
        return t;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS), "latch timed out");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aControlThreadCollectsRepeatedlyWhileMutatorsAllocateAndPoll() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small().withDebug(true));
        Shape cons = runtime.shapes().define("Cons", 2, 1);    // field 0 raw value, field 1 next
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch allRunning = new CountDownLatch(3);
        for (int t = 0; t < 3; t++) {
            mutatorThread("worker-" + t, m -> {
                m.pushFrame(2);
                int rounds = 0;
                while (!done.get()) {
                    m.setRef(0, 0);                             // a fresh list of 50 each round
                    for (int i = 0; i < 50; i++) {
                        long cell = m.allocate(cons);           // a safepoint: a collection may run here
                        m.writeRaw(cell, 0, i);
                        m.writeRef(cell, 1, m.ref(0));
                        m.setRef(0, cell);
                        m.allocateRawArray(8);                  // garbage
                    }
                    long sum = 0;
                    for (long c = m.ref(0); c != 0; c = m.readRef(c, 1)) {
                        sum += m.readRaw(c, 0);
                    }
                    assertEquals(49 * 50 / 2, sum, "the list survived every collection intact");
                    m.poll();
                    if (++rounds == 1) {
                        allRunning.countDown();
                    }
                }
            });
        }
        await(allRunning);
        for (int i = 0; i < 25; i++) {
            runtime.collectNow("test " + i);
        }
        done.set(true);
        for (Thread t : threads) {
            t.join();
        }
        GcStats stats = runtime.stats();
        assertTrue(stats.collections() >= 25, stats.toString());
        assertTrue(stats.totalTimeToSafepointNanos() > 0 && stats.maxTimeToSafepointNanos() <= stats.maxPauseNanos(),
                stats.toString());
        assertEquals(0, runtime.debugViolations());
    }

    @Test
    void aBlockedMutatorDoesNotHoldUpACollectionAndWaitsForItBeforeReturning() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small());
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        AtomicLong restarting = new AtomicLong();
        AtomicLong returned = new AtomicLong();
        mutatorThread("sleeper", m -> {
            m.pushFrame(1);
            m.setRef(0, m.boxLong(7));
            m.runBlocked(() -> {
                blocked.countDown();
                await(unblock);                                 // "blocking I/O"
            });
            returned.set(System.nanoTime());
            assertEquals(7, m.unboxLong(m.ref(0)));
        });
        await(blocked);
        runtime.collectNow("while blocked");                   // completes although 'sleeper' never polls
        assertEquals(1, runtime.stats().collections());
        runtime.addListener(new GcListener() {
            @Override
            public void phaseStarted(long collection, GcPhase phase) {
                if (phase == GcPhase.MUTATORS_STOPPED) {
                    unblock.countDown();                        // the action ends mid-collection...
                    sleep(150);
                }
                if (phase == GcPhase.RESTARTING) {
                    restarting.set(System.nanoTime());
                }
            }
        });
        runtime.collectNow("leaving blocked");
        threads.getFirst().join();
        assertTrue(returned.get() > restarting.get(), "...but runBlocked returns only after the collection");
    }

    @Test
    void aMutatorThatNeverPollsStallsTheCollectionUntilTheTimeoutNamesIt() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small().withSafepointTimeoutMillis(300));
        CountDownLatch attached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        mutatorThread("busy", m -> {
            attached.countDown();
            await(release);                                     // a loop with no safepoint in it
            m.poll();
            m.runBlocked(() -> sleep(300));
        });
        await(attached);
        SafepointTimeoutException e = assertThrows(SafepointTimeoutException.class, () -> runtime.collectNow("stalled"));
        assertTrue(e.getMessage().contains("mutator 'busy' (thread 'busy', RUNNING; last stopped at: never since it attached")
                && e.getMessage().contains("did not reach a safepoint within 300 ms (config key safepoint-timeout)")
                && e.getMessage().contains("requested by control thread"), e.getMessage());
        assertTrue(e.getMessage().contains("now at:") && e.getMessage().contains("CountDownLatch.await"), e.getMessage());
        assertEquals(List.of("busy"), e.laggards());
        assertEquals(0, runtime.stats().collections(), "nothing was collected");
        release.countDown();
        sleep(100);
        runtime.collectNow("now it is blocked");              // the runtime is usable again
        assertEquals(1, runtime.stats().collections());
    }

    @Test
    void attachingDuringACollectionWaitsUntilItEnds() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small());
        AtomicBoolean attachedDuringPause = new AtomicBoolean();
        AtomicBoolean inPause = new AtomicBoolean();
        runtime.addListener(new GcListener() {
            @Override
            public void phaseStarted(long collection, GcPhase phase) {
                if (phase == GcPhase.MUTATORS_STOPPED) {
                    inPause.set(true);
                    mutatorThread("late", m -> attachedDuringPause.set(inPause.get()));
                    sleep(150);
                }
                if (phase == GcPhase.RESTARTING) {
                    inPause.set(false);
                }
            }
        });
        runtime.collectNow("attach race");
        threads.getFirst().join();
        assertFalse(attachedDuringPause.get(), "attach returned while the world was stopped");
    }

    @Test
    void aSecondRequesterJoinsTheCollectionInProgress() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small());
        CountDownLatch attached = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong collectionsSeen = new AtomicLong(-1);
        mutatorThread("second", m -> {
            attached.countDown();
            await(go);                                          // running, not yet at a safepoint
            m.collect();                                        // finds a collection requested: parks in it
            collectionsSeen.set(runtime.stats().collections());
        });
        await(attached);
        runtime.addListener(new GcListener() {
            @Override
            public void phaseStarted(long collection, GcPhase phase) {
                if (phase == GcPhase.STOP_REQUESTED) {
                    go.countDown();
                }
            }
        });
        runtime.collectNow("first");
        threads.getFirst().join();
        assertEquals(1, collectionsSeen.get(), "the second request was served by the first collection");
        assertEquals(1, runtime.stats().collections());
    }

    @Test
    void timeToSafepointMeasuresHowLongTheSlowestMutatorTakesToPoll() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small());
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch attached = new CountDownLatch(1);
        mutatorThread("slow-poller", m -> {
            attached.countDown();
            while (!done.get()) {
                sleep(20);                                      // 20 ms between safepoints
                m.poll();
            }
        });
        await(attached);
        AtomicReference<CollectionRecord> record = new AtomicReference<>();
        runtime.addListener(new GcListener() {
            @Override
            public void collectionEnded(CollectionRecord r) {
                record.set(r);
            }
        });
        runtime.collectNow("ttsp");
        done.set(true);
        CollectionRecord r = record.get();
        assertTrue(r.timeToSafepointNanos() > TimeUnit.MILLISECONDS.toNanos(1), r.toString());
        assertTrue(r.timeToSafepointNanos() <= r.pauseNanos(), r.toString());
        assertEquals(r.timeToSafepointNanos(), runtime.stats().maxTimeToSafepointNanos());
        assertTrue(r.phaseNanos().containsKey(GcPhase.STOP_REQUESTED) && r.phaseNanos().containsKey(GcPhase.SWEEP),
                r.phaseNanos().toString());
    }

    @Test
    void inDebugModeTouchingTheHeapWhileStoppedIsCaughtAndCounted() {
        runtime = TestRuntimes.create(TestRuntimes.small().withDebug(true));
        AtomicReference<Throwable> duringPause = new AtomicReference<>();
        try (Mutator m = runtime.attach("main")) {
            m.pushFrame(1);
            IllegalStateException blocked = assertThrows(IllegalStateException.class,
                    () -> m.runBlocked(() -> m.allocateRawArray(1)));
            assertTrue(blocked.getMessage().startsWith("mutator 'main' touched the heap during collection #0"),
                    blocked.getMessage());
            runtime.addListener(new GcListener() {
                @Override
                public void phaseStarted(long collection, GcPhase phase) {
                    if (phase == GcPhase.SWEEP) {
                        try {
                            m.boxLong(1);                       // the requester's own mutator, mid-collection
                        } catch (IllegalStateException e) {
                            duringPause.set(e);
                        }
                    }
                }
            });
            m.collect();
            assertTrue(duringPause.get().getMessage().startsWith("mutator 'main' touched the heap during collection #1"),
                    duringPause.get().getMessage());
            assertEquals(2, runtime.debugViolations());
            m.boxLong(2);                                       // fine again once the collection is over
            assertEquals(2, runtime.debugViolations());
        }
    }

    @Test
    void listenersSeeEveryPhaseInOrderAndTheRecordTimesThem() {
        runtime = TestRuntimes.create(TestRuntimes.small().withDebug(true));
        List<GcPhase> phases = new CopyOnWriteArrayList<>();
        AtomicReference<CollectionRecord> record = new AtomicReference<>();
        runtime.addListener(new GcListener() {
            @Override
            public void phaseStarted(long collection, GcPhase phase) {
                assertEquals(1, collection);
                phases.add(phase);
            }

            @Override
            public void collectionEnded(CollectionRecord r) {
                record.set(r);
            }
        });
        runtime.collectNow("phases");
        assertEquals(List.of(GcPhase.STOP_REQUESTED, GcPhase.MUTATORS_STOPPED, GcPhase.VERIFY, GcPhase.PREPARE,
                GcPhase.MARK_ROOTS, GcPhase.TRACE_LIVE, GcPhase.SWEEP, GcPhase.RELEASE, GcPhase.VERIFY,
                GcPhase.RESTARTING), phases);
        CollectionRecord r = record.get();
        assertEquals("phases", r.reason());
        assertEquals("mark-sweep", r.collector());
        assertEquals(r.pauseNanos(), r.phaseNanos().values().stream().mapToLong(Long::longValue).sum(),
                "the phases partition the pause");
        assertEquals(r.usedBytesAfter(), runtime.stats().heapAfterLastGc().usedBytes());
    }

    @Test
    void aThreadThatDiedWithoutClosingItsMutatorDoesNotBlockCollections() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small().withSafepointTimeoutMillis(5000));
        Thread t = new Thread(() -> runtime.attach("forgetful").pushFrame(1));
        t.start();
        t.join();
        runtime.collectNow("after the thread died");
        assertEquals(1, runtime.stats().collections());
    }

    @Test
    void collectNowIsForControlThreadsAndCloseWaitsForMutators() {
        runtime = TestRuntimes.create(TestRuntimes.small());
        try (Mutator m = runtime.attach("main")) {
            assertThrows(IllegalStateException.class, () -> runtime.collectNow("from a mutator"));
            IllegalStateException e = assertThrows(IllegalStateException.class, runtime::close);
            assertTrue(e.getMessage().contains("'main'"), e.getMessage());
            m.collect();
        }
        runtime.close();
        runtime.close();                                        // idempotent
        assertThrows(IllegalStateException.class, () -> runtime.attach("too late"));
    }

    /**
     * Regression (issue 8, defect 1): a thread that attaches, runs without polling and dies without
     * closing its mutator while a collection waits for it must not stall that collection until the
     * timeout; its mutator is detached at once (EXITED), its stack stops being a root and its stack
     * region is freed.
     */
    @Test
    void aThreadThatDiesMidHandshakeIsDetachedAndDoesNotStallThePause() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small().withSafepointTimeoutMillis(20_000));
        CountDownLatch attached = new CountDownLatch(1);
        CountDownLatch die = new CountDownLatch(1);
        AtomicReference<AttachedMutator> doomed = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Mutator m = runtime.attach("doomed");
            doomed.set((AttachedMutator) m);
            m.pushFrame(1);
            m.setRef(0, m.allocateRawArray(1000));          // held only by this stack
            attached.countDown();
            await(die);                                     // no poll from here on, and no close
            sleep(200);                                     // the collection is waiting for it by now
        }, "doomed-thread");
        t.start();
        await(attached);
        assertTrue(runtime.usage().usedBytes() >= 8000);
        runtime.addListener(new GcListener() {
            @Override
            public void phaseStarted(long collection, GcPhase phase) {
                if (phase == GcPhase.STOP_REQUESTED) {
                    die.countDown();                        // it dies while the collection waits for it
                }
            }
        });
        long start = System.nanoTime();
        runtime.collectNow("waiting for a thread that dies");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        t.join();
        assertTrue(millis < 5_000, "the pause waited " + millis + " ms for a dead thread");
        assertEquals(MutatorStatus.EXITED, doomed.get().state().status());
        assertEquals(0, runtime.attachedMutators());
        assertEquals(0, runtime.stackRegionsInUse(), "its stack region is free");
        assertEquals(0, runtime.usage().usedBytes(), "its stack is no root: the array is reclaimed");
    }

    /** Every stack region held by a dead thread is given back before a new mutator needs one. */
    @Test
    void deadThreadsGiveTheirStackRegionsBackToTheNextAttach() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small().withMaxMutators(2));
        for (int i = 0; i < 5; i++) {
            Thread t = new Thread(() -> runtime.attach("forgetful").pushFrame(1), "forgetful-" + i);
            t.start();
            t.join();
        }
        try (Mutator m = runtime.attach("main")) {
            assertEquals(1, runtime.stackRegionsInUse());
            m.collect();
        }
    }

    /** The states of one mutator through its life, as the coordinator records them. */
    @Test
    void aMutatorIsRunningAtASafepointBlockedCollectingThenExited() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small());
        List<MutatorStatus> seenByPause = new CopyOnWriteArrayList<>();
        AtomicReference<AttachedMutator> worker = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch attached = new CountDownLatch(1);
        mutatorThread("worker", m -> {
            worker.set((AttachedMutator) m);
            attached.countDown();
            while (!stop.get()) {
                m.poll();                                   // parks here while the control thread collects
            }
        });
        await(attached);
        runtime.addListener(new GcListener() {
            @Override
            public void phaseStarted(long collection, GcPhase phase) {
                if (phase == GcPhase.MUTATORS_STOPPED) {
                    seenByPause.add(worker.get().state().status());
                }
            }
        });
        assertEquals(MutatorStatus.RUNNING, worker.get().state().status());
        runtime.collectNow("states");
        stop.set(true);
        threads.getFirst().join();
        assertEquals(List.of(MutatorStatus.AT_SAFEPOINT), seenByPause, "a polling mutator waits at its safepoint");
        assertEquals(MutatorStatus.EXITED, worker.get().state().status(), "closed");
        try (Mutator m = runtime.attach("main")) {
            AttachedMutator self = (AttachedMutator) m;
            AtomicReference<MutatorStatus> inside = new AtomicReference<>();
            m.runBlocked(() -> inside.set(self.state().status()));
            assertEquals(MutatorStatus.BLOCKED, inside.get());
            seenByPause.clear();
            runtime.addListener(new GcListener() {
                @Override
                public void phaseStarted(long collection, GcPhase phase) {
                    if (phase == GcPhase.MUTATORS_STOPPED) {
                        seenByPause.add(self.state().status());
                    }
                }
            });
            m.collect();
            assertTrue(seenByPause.contains(MutatorStatus.COLLECTING), seenByPause.toString());
            assertEquals(MutatorStatus.RUNNING, self.state().status());
        }
    }

    /** Two mutators ask for a collection at the same moment: one pause serves both. */
    @Test
    void twoMutatorsRequestingACollectionAtOnceGetOnePause() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small());
        CountDownLatch bothAttached = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch secondMayAsk = new CountDownLatch(1);
        runtime.addListener(new GcListener() {
            @Override
            public void phaseStarted(long collection, GcPhase phase) {
                if (phase == GcPhase.STOP_REQUESTED) {
                    secondMayAsk.countDown();               // the first request is in: the second comes now
                }
            }
        });
        mutatorThread("first", m -> {
            bothAttached.countDown();
            await(go);
            m.collect();
        });
        mutatorThread("second", m -> {
            bothAttached.countDown();
            await(secondMayAsk);                            // running (not polling) until the first asked
            m.collect();
        });
        await(bothAttached);
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, runtime.stats().collections(), "one pause for two simultaneous requests");
    }

    /**
     * Regression (issue 8, defect 6): an allocation that needs a collection while another mutator
     * never polls fails, after the configured safepoint timeout, with a SafepointTimeoutException
     * that names the laggard, its thread, its state and its last safepoint; the runtime stays usable.
     */
    @Test
    void aStopThatTimesOutInsideAnAllocationNamesTheMutatorThatDidNotStop() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small().withSafepointTimeoutMillis(300));
        CountDownLatch attached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        mutatorThread("spinner", m -> {
            m.runBlocked(() -> { });                        // its last stop
            attached.countDown();
            await(release);                                 // a loop with no safepoint in it
        });
        await(attached);
        try (Mutator m = runtime.attach("allocator")) {
            SafepointTimeoutException e = assertThrows(SafepointTimeoutException.class, () -> {
                for (int i = 0; i < 100_000; i++) {
                    m.allocateRawArray(100);                // garbage until the heap needs a collection
                }
            });
            assertTrue(e.getMessage().contains("(allocation failure, requested by mutator 'allocator')"), e.getMessage());
            assertTrue(e.getMessage().contains("mutator 'spinner' (thread 'spinner', RUNNING; last stopped at: "
                    + "runBlocked, "), e.getMessage());
            assertEquals(List.of("spinner"), e.laggards());
            release.countDown();
            threads.getFirst().join();
            m.allocateRawArray(100);                        // usable again: the collection now runs
            assertTrue(runtime.stats().collections() >= 1);
        }
    }

    /** Debug mode records every poll's site, so a timeout names the last poll too, stopped at or not. */
    @Test
    void inDebugModeATimeoutNamesTheLaggardsLastPollSite() throws Exception {
        runtime = TestRuntimes.create(TestRuntimes.small().withDebug(true).withSafepointTimeoutMillis(300));
        CountDownLatch polled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        mutatorThread("looper", m -> {
            m.poll();                                       // no stop requested: only debug mode records it
            polled.countDown();
            await(release);
        });
        await(polled);
        SafepointTimeoutException e = assertThrows(SafepointTimeoutException.class, () -> runtime.collectNow("debug"));
        assertTrue(e.getMessage().contains("mutator 'looper' (thread 'looper', RUNNING; last stopped at: never since "
                + "it attached") && e.getMessage().contains("; last poll: an explicit poll())"), e.getMessage());
        release.countDown();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
