package dev.parallax.gc.toolkit.trace;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The grey objects tracers share during a parallel trace, in packets (MMTk's work packets): a
 * tracer whose own stack grows long publishes a packet of it, and one with a short stack shares
 * its oldest object when another tracer is hungry; a tracer that runs dry takes a packet.
 * {@link #awaitWork} also detects the end of the trace: when every tracer is idle and no packet is
 * left, none can produce more work.
 */
public final class WorkPackets {
    /** Objects per packet. */
    public static final int PACKET = 256;

    private final int tracers;
    private final ConcurrentLinkedQueue<long[]> packets = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idle = new AtomicInteger();

    public WorkPackets(int tracers) {
        this.tracers = tracers;
    }

    /** Set when a tracer failed: the others stop waiting for it, and the failure surfaces instead of a hang. */
    private volatile boolean aborted;

    /** Prepares for a trace: no packet, nobody idle. */
    public void reset() {
        packets.clear();
        idle.set(0);
        aborted = false;
    }

    /** A tracer failed: every tracer waiting for work gives up (the trace is lost; the caller rethrows). */
    public void abort() {
        aborted = true;
    }

    public void publish(long[] packet) {
        packets.add(packet);
    }

    /** Whether a tracer with plenty of work should publish some: someone is idle or nothing is shared. */
    public boolean wanted() {
        return idle.get() > 0 || packets.isEmpty();
    }

    /** Whether a tracer is waiting with no packet to take: then even a little work is worth sharing. */
    public boolean hungry() {
        return idle.get() > 0 && packets.isEmpty();
    }

    /**
     * A packet to work on, waiting while other tracers are still working; null when the trace is
     * over (every tracer idle, no packet left).
     */
    public long[] awaitWork() {
        long[] packet = packets.poll();
        if (packet != null) {
            return packet;
        }
        idle.incrementAndGet();
        for (int round = 0; ; round++) {
            if (!packets.isEmpty()) {
                idle.decrementAndGet();
                packet = packets.poll();
                if (packet != null) {
                    return packet;
                }
                idle.incrementAndGet();
            }
            if (idle.get() == tracers || aborted) {
                return null;
            }
            backOff(round);
        }
    }

    /** Spins briefly, then yields the core, then sleeps a little: an idle tracer must not starve a busy one. */
    private static void backOff(int round) {
        if (round < 64) {
            Thread.onSpinWait();
        } else if (round < 128) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(20_000);
        }
    }
}
