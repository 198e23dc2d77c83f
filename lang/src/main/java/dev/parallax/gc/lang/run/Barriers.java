package dev.parallax.gc.lang.run;

import dev.parallax.gc.lang.ir.Site;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The named rendezvous of {@code barrierWait("name", n)}: the n-th thread to arrive releases the
 * others; each learns its arrival order (0 for the first). A barrier is reusable: the next n arrivals
 * form the next round. A round that does not fill within the timeout, or any thread failing, breaks
 * the waiting threads out with an error instead of a hang.
 */
final class Barriers {
    private final long timeoutNanos;
    private final Map<String, Round> rounds = new HashMap<>();
    private String brokenBecause;

    private static final class Round {
        final int parties;
        int arrived;
        boolean open;

        Round(int parties) {
            this.parties = parties;
        }
    }

    Barriers(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * Waits until {@code parties} threads have called this for {@code name}; returns the caller's
     * arrival order. Blocks: call it with the mutator blocked.
     */
    synchronized int await(String name, int parties, Site site) {
        if (parties < 1) {
            throw site.error("barrierWait(\"" + name + "\", " + parties + "): a barrier needs at least 1 thread");
        }
        if (brokenBecause != null) {
            throw site.error("barrier '" + name + "' is broken: " + brokenBecause);
        }
        Round round = rounds.get(name);
        if (round == null || round.open) {
            round = new Round(parties);
            rounds.put(name, round);
        } else if (round.parties != parties) {
            throw site.error("barrierWait(\"" + name + "\", " + parties + "): the threads already waiting there expect "
                    + round.parties + " threads");
        }
        int order = round.arrived++;
        if (round.arrived == parties) {
            round.open = true;
            notifyAll();
            return order;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (!round.open) {
            if (brokenBecause != null) {
                throw site.error("barrier '" + name + "' is broken: " + brokenBecause);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                brokenBecause = "barrier '" + name + "' waited " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos)
                        + " s for " + parties + " threads and only " + round.arrived + " arrived";
                notifyAll();
                throw site.error(brokenBecause);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw site.error("interrupted while waiting at barrier '" + name + "'");
            }
        }
        return order;
    }

    /** Breaks every barrier: threads waiting now or later fail with {@code reason}. */
    synchronized void breakAll(String reason) {
        if (brokenBecause == null) {
            brokenBecause = reason;
        }
        notifyAll();
    }
}
