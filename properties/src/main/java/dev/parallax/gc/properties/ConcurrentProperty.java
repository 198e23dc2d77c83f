package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.properties.model.ModelObject;
import dev.parallax.gc.properties.program.Program;
import dev.parallax.gc.properties.run.CompleteReclamation;
import dev.parallax.gc.properties.run.Invariant;
import dev.parallax.gc.properties.run.InvariantViolation;
import dev.parallax.gc.properties.run.ProgramRunner;
import dev.parallax.gc.properties.schedule.Baton;
import dev.parallax.gc.properties.schedule.Schedule;
import dev.parallax.gc.runtime.GcRuntimes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The multi-mutator property: one shared runtime, one thread per program, each with its own frames,
 * globals and model, and a control thread that collects. Each thread checks its own graph after
 * every collection it observes and at its end; no thread may see the runtime refuse a heap access
 * "during collection". When every program is done, the threads wait blocked while the control thread
 * collects and, with precise roots, checks that the heap holds exactly the bytes the models hold
 * together; then they unwind with further checks.
 *
 * <p>Two modes:
 * <ul>
 *   <li><b>scheduled</b> ({@link #run(List, Schedule)}, the default of {@code check --threads}): a
 *       {@link Baton} lets one participant run at a time, switching at every action boundary as the
 *       {@link Schedule} says; the control thread is a participant whose step is one collection. The
 *       run is a function of the programs and the schedule: a failure replays exactly and shrinks;</li>
 *   <li><b>free-running</b> ({@link #run(List)}): the threads run as the JVM schedules them while the
 *       control thread collects over and over; interleavings vary between runs.</li>
 * </ul>
 */
final class ConcurrentProperty {
    /** Per example, for every thread to finish; longer means a deadlock or a lost wake-up. */
    private static final long TIMEOUT_MILLIS = 60_000;

    private final GcConfig config;
    private final int maxGlobals;
    private final boolean pinning;

    /** @throws dev.parallax.gc.api.GcConfigException when the configuration cannot be built */
    ConcurrentProperty(GcConfig config, int threads) {
        this.config = config;
        this.maxGlobals = Math.min(8, config.globalCells() / threads); // together within the table's capacity
        try (GcRuntime probe = GcRuntimes.create(config)) {
            this.pinning = probe.constraints().supportsPinning();
        }
    }

    int maxGlobals() {
        return maxGlobals;
    }

    /** Whether the collector supports pinning (else the programs' pins are skipped). */
    boolean pinning() {
        return pinning;
    }

    /** Free-running: one program per thread; returns the first violation seen, or null. */
    InvariantViolation run(List<Program> programs) {
        return run(programs, null);
    }

    /**
     * One program per thread, interleaved as {@code schedule} says (free-running when it is null);
     * returns the first violation seen, or null.
     */
    InvariantViolation run(List<Program> programs, Schedule schedule) {
        GcRuntime runtime;
        try {
            runtime = GcRuntimes.create(config);
        } catch (RuntimeException e) {
            return InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "creating the runtime: ", e);
        }
        Session session = new Session(runtime, programs, schedule);
        return session.run();
    }

    /** One run: the mutator threads, the control thread's loop, the rendezvous. */
    private final class Session {
        private final GcRuntime runtime;
        private final List<Program> programs;
        private final ProgramRunner[] runners;
        private final ConcurrentLinkedQueue<InvariantViolation> failures = new ConcurrentLinkedQueue<>();
        private final CountDownLatch arrived;
        private final CountDownLatch released = new CountDownLatch(1);
        /** Null when free-running. */
        private final Baton baton;
        private final int control;
        /** Scheduled: thread i counts down its latch once attached (or failed to), so threads attach in index order. */
        private final CountDownLatch[] ready;

        Session(GcRuntime runtime, List<Program> programs, Schedule schedule) {
            this.runtime = runtime;
            this.programs = programs;
            this.runners = new ProgramRunner[programs.size()];
            this.arrived = new CountDownLatch(programs.size());
            this.control = programs.size();
            this.ready = new CountDownLatch[programs.size()];
            for (int i = 0; i < ready.length; i++) {
                ready[i] = new CountDownLatch(1);
            }
            this.baton = schedule == null ? null
                    : new Baton(schedule, programs.size() + 1, TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }

        InvariantViolation run() {
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < programs.size(); i++) {
                int index = i;
                Thread t = Thread.ofPlatform().daemon().name("property-t" + i)
                        .unstarted(() -> {
                            if (baton == null) {
                                mutate(index);
                            } else {
                                mutateScheduled(index);
                            }
                        });
                threads.add(t);
                t.start();
                if (baton != null) {
                    awaitAttached(index);  // deterministic: thread i attaches i-th (stack order, first id block)
                }
            }
            if (baton == null) {
                collectUntilArrived(deadline);
                if (failures.isEmpty() && arrived.getCount() == 0) {
                    checkReclamation();
                }
                released.countDown();
            } else {
                collectScheduled();
            }
            boolean stuck = false;
            for (int i = 0; i < threads.size(); i++) {
                if (!join(threads.get(i), deadline)) {
                    stuck = true;
                    failures.add(new InvariantViolation(Invariant.PROGRESS, "thread t" + i + " still runs after "
                            + TIMEOUT_MILLIS + " ms: " + List.of(threads.get(i).getStackTrace())));
                }
            }
            if (!stuck) {
                closeRuntime();
            }
            return failures.peek();
        }

        /** A free-running mutator thread: its program, its final checks, the rendezvous, the unwinding. */
        private void mutate(int index) {
            boolean counted = false;
            String name = "t" + index;
            try (Mutator mutator = runtime.attach(name)) {
                ProgramRunner runner = new ProgramRunner(runtime, mutator, new ProgramRunner.Options(false, maxGlobals));
                runners[index] = runner;
                runner.start();
                runner.execute(programs.get(index));
                runner.finish();
                counted = true;
                mutator.runBlocked(this::rendezvous); // inactive: collections need not wait for us
                runner.unwind();
            } catch (InvariantViolation v) {
                failures.add(v.within("thread " + name));
            } catch (RuntimeException | Error e) {
                failures.add(InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "thread " + name + ": ",
                        e instanceof RuntimeException r ? r : new IllegalStateException(e)));
            } finally {
                if (!counted) {
                    arrived.countDown();
                }
            }
        }

        /**
         * A scheduled mutator thread: it runs only while it holds the baton and waits for it, blocked
         * (so that the holder's collections need not wait), at every yield point.
         */
        private void mutateScheduled(int index) {
            String name = "t" + index;
            boolean attached = false;
            try (Mutator mutator = runtime.attach(name)) {
                attached = true;
                ready[index].countDown();
                mutator.runBlocked(() -> baton.awaitTurn(index));
                ProgramRunner runner = new ProgramRunner(runtime, mutator, new ProgramRunner.Options(false, maxGlobals));
                runners[index] = runner;
                runner.yieldAfterEachStep(() -> mutator.runBlocked(() -> baton.yieldStep(index)));
                runner.start();
                runner.execute(programs.get(index));
                runner.finish();
                mutator.runBlocked(() -> baton.arrive(index)); // the control thread checks reclamation meanwhile
                runner.unwind();
            } catch (Baton.Aborted a) {
                // another participant failed first: its failure is the one reported
            } catch (Baton.Stuck s) {
                failures.add(new InvariantViolation(Invariant.PROGRESS, "thread " + name + ": " + s.getMessage()));
                baton.abort();
            } catch (InvariantViolation v) {
                failures.add(v.within("thread " + name));
                baton.abort();
            } catch (RuntimeException | Error e) {
                failures.add(InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "thread " + name + ": ",
                        e instanceof RuntimeException r ? r : new IllegalStateException(e)));
                baton.abort();
            } finally {
                if (!attached) {
                    ready[index].countDown();
                }
                baton.leave(index);
            }
        }

        /** The control thread as a scheduled participant: each of its steps is one collection. */
        private void collectScheduled() {
            try {
                baton.start();
                baton.awaitTurn(control);
                while (!baton.othersArrived(control)) {
                    runtime.collectNow("property control thread");
                    baton.yieldStep(control);
                }
                if (failures.isEmpty()) {
                    checkReclamation();
                }
                if (!failures.isEmpty()) {
                    baton.abort();
                }
                baton.releaseRendezvous();
            } catch (Baton.Aborted a) {
                // a mutator failed: its failure is reported
            } catch (Baton.Stuck s) {
                failures.add(new InvariantViolation(Invariant.PROGRESS, "control thread: " + s.getMessage()));
                baton.abort();
            } catch (RuntimeException e) {
                failures.add(InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "control thread collectNow: ", e));
                baton.abort();
            } finally {
                baton.leave(control);
            }
        }

        private void awaitAttached(int index) {
            try {
                if (!ready[index].await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    failures.add(new InvariantViolation(Invariant.PROGRESS, "thread t" + index + " did not attach in "
                            + TIMEOUT_MILLIS + " ms"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void rendezvous() {
            arrived.countDown();
            try {
                released.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Free-running: the control thread collects over and over while the programs run. */
        private void collectUntilArrived(long deadline) {
            try {
                while (!arrived.await(1, TimeUnit.MILLISECONDS)) {
                    if (System.currentTimeMillis() > deadline) {
                        failures.add(new InvariantViolation(Invariant.PROGRESS, arrived.getCount()
                                + " thread(s) did not finish their programs in " + TIMEOUT_MILLIS + " ms"));
                        return;
                    }
                    if (!failures.isEmpty()) {
                        return;
                    }
                    runtime.collectNow("property control thread");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failures.add(InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "control thread collectNow: ", e));
            }
        }

        /** With every thread blocked at the rendezvous: (b) over the union of the models. */
        private void checkReclamation() {
            if (!CompleteReclamation.applies(config.roots())) {
                return;
            }
            try {
                runtime.collectNow("property rendezvous");
                long bytes = 0;
                int objects = 0;
                for (ProgramRunner r : runners) {
                    for (ModelObject o : r.model().reachable()) {
                        bytes += o.bytes(HeaderLayout.headerWords(runtime.config().keepsObjectIds()));
                        objects++;
                    }
                }
                CompleteReclamation.check(runtime, bytes, objects, "when every thread had finished its program");
            } catch (InvariantViolation v) {
                failures.add(v);
            } catch (RuntimeException e) {
                failures.add(InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "rendezvous collectNow: ", e));
            }
        }

        private boolean join(Thread t, long deadline) {
            try {
                t.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return !t.isAlive();
        }

        private void closeRuntime() {
            try {
                runtime.close();
            } catch (RuntimeException e) {
                failures.add(InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "closing the runtime: ", e));
            }
        }
    }
}
