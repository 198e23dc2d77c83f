package dev.parallax.gc.properties.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The deterministic scheduler, as the MMTk test harness had one: one baton among the participants,
 * and only its holder runs; the others wait in {@link #awaitTurn} (mutators do so inside
 * {@code runBlocked}, so a collection the holder runs need not wait for them). The holder calls
 * {@link #yieldStep} at every yield point; the {@link Schedule} decides, from what has run so far
 * alone, who holds the baton next. A run is therefore a function of the programs and the schedule,
 * whatever the JVM's thread scheduling: a failure replays exactly.
 *
 * <p>Participants {@link #leave} when they finish (or fail); one may also wait at a rendezvous
 * ({@link #arrive}), out of the schedule until {@link #releaseRendezvous}. {@link #abort} ends the
 * run: every waiting participant gets {@link Aborted}. A wait longer than the timeout is a lost
 * wake-up or a deadlock in the code under test and throws {@link Stuck}.
 */
public final class Baton {
    /** The run was aborted (another participant failed): stop quietly. */
    public static final class Aborted extends RuntimeException {
        Aborted() {
            super("the deterministic run was aborted", null, false, false);
        }
    }

    /** A participant waited longer than the timeout for its turn. */
    public static final class Stuck extends RuntimeException {
        Stuck(String message) {
            super(message);
        }
    }

    private enum Standing { WAITING_TO_START, SCHEDULED, AT_RENDEZVOUS, LEFT }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Schedule schedule;
    private final Standing[] standing;
    private final long timeoutNanos;
    private final StringBuilder trace = new StringBuilder();
    private int holder = -1;
    private int turn;
    private int stepsLeft;
    private int tailNext;
    private long steps;
    private boolean aborted;

    /** @param participants mutator threads and the control thread, numbered from 0 */
    public Baton(Schedule schedule, int participants, long timeout, TimeUnit unit) {
        this.schedule = schedule;
        this.standing = new Standing[participants];
        java.util.Arrays.fill(standing, Standing.WAITING_TO_START);
        this.timeoutNanos = unit.toNanos(timeout);
    }

    /** Hands the baton out for the first time, once every participant is ready to wait for it. */
    public void start() {
        lock.lock();
        try {
            for (int i = 0; i < standing.length; i++) {
                if (standing[i] == Standing.WAITING_TO_START) {
                    standing[i] = Standing.SCHEDULED;
                }
            }
            passOn();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code me} holds the baton. @throws Aborted, Stuck */
    public void awaitTurn(int me) {
        lock.lock();
        try {
            long deadline = System.nanoTime() + timeoutNanos;
            while (holder != me && !aborted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new Stuck("participant " + me + " waited " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                            + " ms for its turn; participant " + holder + " holds the baton after step " + steps);
                }
                changed.awaitNanos(left);
            }
            if (aborted) {
                throw new Aborted();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Aborted();
        } finally {
            lock.unlock();
        }
    }

    /** The holder {@code me} took one step; the schedule may pass the baton on. Returns when it is {@code me}'s turn again. */
    public void yieldStep(int me) {
        lock.lock();
        try {
            requireHolder(me, "yieldStep");
            steps++;
            if (--stepsLeft <= 0) {
                passOn();
            }
        } finally {
            lock.unlock();
        }
        awaitTurn(me);
    }

    /** {@code me} waits at a rendezvous, out of the schedule, until {@link #releaseRendezvous}; returns then. */
    public void arrive(int me) {
        lock.lock();
        try {
            if (standing[me] != Standing.LEFT) {
                standing[me] = Standing.AT_RENDEZVOUS;
            }
            if (holder == me) {
                passOn();
            }
        } finally {
            lock.unlock();
        }
        awaitTurn(me);
    }

    /** Whether every participant but {@code me} has left or waits at the rendezvous. */
    public boolean othersArrived(int me) {
        lock.lock();
        try {
            for (int i = 0; i < standing.length; i++) {
                if (i != me && standing[i] == Standing.SCHEDULED) {
                    return false;
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The participants at the rendezvous take part in the schedule again. */
    public void releaseRendezvous() {
        lock.lock();
        try {
            for (int i = 0; i < standing.length; i++) {
                if (standing[i] == Standing.AT_RENDEZVOUS) {
                    standing[i] = Standing.SCHEDULED;
                }
            }
            if (holder < 0) {
                passOn();
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code me} is done; if it held the baton, the schedule passes it on. Idempotent. */
    public void leave(int me) {
        lock.lock();
        try {
            standing[me] = Standing.LEFT;
            if (holder == me || holder < 0) {
                passOn();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the run: every participant waiting for the baton gets {@link Aborted}. */
    public void abort() {
        lock.lock();
        try {
            aborted = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The steps taken so far. */
    public long steps() {
        lock.lock();
        try {
            return steps;
        } finally {
            lock.unlock();
        }
    }

    /** Who held the baton for how many steps, in order: "p0x3 p3x1 ...", for reports. */
    public String trace() {
        lock.lock();
        try {
            return trace.toString().strip();
        } finally {
            lock.unlock();
        }
    }

    private void requireHolder(int me, String what) {
        if (holder != me) {
            throw new IllegalStateException(what + " by participant " + me + ", but participant " + holder
                    + " holds the baton");
        }
    }

    /** With the lock held: the next turn of the schedule among the scheduled participants, or nobody. */
    private void passOn() {
        List<Integer> running = new ArrayList<>();
        for (int i = 0; i < standing.length; i++) {
            if (standing[i] == Standing.SCHEDULED) {
                running.add(i);
            }
        }
        if (running.isEmpty()) {
            holder = -1;
        } else if (turn < schedule.turns().size()) {
            Schedule.Turn t = schedule.turns().get(turn++);
            holder = running.get(Math.floorMod(t.participant(), running.size()));
            stepsLeft = 1 + t.extraSteps();
        } else {
            int next = running.get(0);
            for (int i : running) {
                if (i >= tailNext) {
                    next = i;
                    break;
                }
            }
            holder = next;
            tailNext = next + 1;
            stepsLeft = schedule.tailSteps();
        }
        if (holder >= 0) {
            trace.append("p").append(holder).append(' ');
        }
        changed.signalAll();
    }
}
