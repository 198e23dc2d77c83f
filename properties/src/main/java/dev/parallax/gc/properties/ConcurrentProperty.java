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
import dev.parallax.gc.runtime.GcRuntimes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The multi-mutator property: one shared runtime, one thread per program, each with its own frames,
 * globals and model, while this (control) thread keeps calling {@code collectNow}. Each thread checks
 * its own graph after every collection it observes and at its end; no thread may see the runtime
 * refuse a heap access "during collection". When every program is done, the threads wait blocked
 * while the control thread collects and, with precise roots, checks that the heap holds exactly the
 * bytes the models hold together; then they unwind with further checks.
 *
 * <p>The programs are a function of the seed; the thread interleaving is not, so a failure may need a
 * few runs to reproduce.
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

    /** Runs one program per thread; returns the first violation seen, or null. */
    InvariantViolation run(List<Program> programs) {
        GcRuntime runtime;
        try {
            runtime = GcRuntimes.create(config);
        } catch (RuntimeException e) {
            return InvariantViolation.fromRuntime(Invariant.NO_RUNTIME_ERROR, "creating the runtime: ", e);
        }
        return new Session(runtime, programs).run();
    }

    /** One run: the mutator threads, the control thread's loop, the rendezvous. */
    private final class Session {
        private final GcRuntime runtime;
        private final List<Program> programs;
        private final ProgramRunner[] runners;
        private final ConcurrentLinkedQueue<InvariantViolation> failures = new ConcurrentLinkedQueue<>();
        private final CountDownLatch arrived;
        private final CountDownLatch released = new CountDownLatch(1);

        Session(GcRuntime runtime, List<Program> programs) {
            this.runtime = runtime;
            this.programs = programs;
            this.runners = new ProgramRunner[programs.size()];
            this.arrived = new CountDownLatch(programs.size());
        }

        InvariantViolation run() {
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < programs.size(); i++) {
                int index = i;
                Thread t = Thread.ofPlatform().daemon().name("property-t" + i).unstarted(() -> mutate(index));
                threads.add(t);
                t.start();
            }
            collectUntilArrived(deadline);
            if (failures.isEmpty() && arrived.getCount() == 0) {
                checkReclamation();
            }
            released.countDown();
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

        /** A mutator thread: its program, its final checks, the rendezvous, the unwinding. */
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

        private void rendezvous() {
            arrived.countDown();
            try {
                released.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The control thread collects over and over while the programs run. */
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
