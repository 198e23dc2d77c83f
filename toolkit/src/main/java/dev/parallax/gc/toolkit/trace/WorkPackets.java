package dev.parallax.gc.toolkit.trace;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The grey objects tracers share during a parallel trace, in packets (MMTk's work packets): a
 * tracer whose own stack grows long publishes a packet of it, and one with a short stack shares
 * its oldest object when another tracer is hungry; a tracer that runs dry takes a packet.
 * {@link #awaitWork} also detects the end of the trace: when every tracer taking part is idle and
 * no packet is left, none can produce more work.
 *
 * <p>Tracers take part by {@link #join joining}: the collecting one from {@link #reset}, the others
 * when their thread comes for the trace. The trace can end without a tracer whose thread never came
 * (the operating system ran it late): once it is over, {@link #join} refuses, and the late thread
 * leaves the trace alone.
 */
public final class WorkPackets {
    /** Objects per packet. */
    public static final int PACKET = 256;
    /** One tracer taking part, in {@link #state}'s upper half; the lower half counts the idle ones. */
    private static final long JOINED = 1L << 32;
    private static final long IDLE = JOINED - 1;
    /** The sign bit of {@link #state}: the trace is over. */
    private static final long OVER = Long.MIN_VALUE;

    private final ConcurrentLinkedQueue<long[]> packets = new ConcurrentLinkedQueue<>();
    /** Tracers taking part ({@code JOINED} each), tracers idle (1 each), and whether the trace is over, in one word. */
    private final AtomicLong state = new AtomicLong();

    /** Set when a tracer failed: the others stop waiting for it, and the failure surfaces instead of a hang. */
    private volatile boolean aborted;

    /** Prepares for a trace: no packet, nobody idle, the collecting tracer taking part. */
    public void reset() {
        packets.clear();
        state.set(JOINED);
        aborted = false;
    }

    /** Another tracer takes part: true, unless the trace is already over (then it must not touch the trace). */
    public boolean join() {
        for (long s = state.get(); s >= 0; s = state.get()) {
            if (state.compareAndSet(s, s + JOINED)) {
                return true;
            }
        }
        return false;
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
        return (state.get() & IDLE) > 0 || packets.isEmpty();
    }

    /** Whether a tracer is waiting with no packet to take: then even a little work is worth sharing. */
    public boolean hungry() {
        return (state.get() & IDLE) > 0 && packets.isEmpty();
    }

    /**
     * A packet to work on, waiting while other tracers are still working; null when the trace is
     * over (every tracer taking part idle, no packet left).
     */
    public long[] awaitWork() {
        long[] packet = packets.poll();
        if (packet != null) {
            return packet;
        }
        state.incrementAndGet();
        for (int round = 0; ; round++) {
            if (!packets.isEmpty()) {
                state.decrementAndGet();
                packet = packets.poll();
                if (packet != null) {
                    return packet;
                }
                state.incrementAndGet();
            }
            if (ended()) {
                return null;
            }
            backOff(round);
        }
    }

    /**
     * Whether the trace is over, declaring it so when every tracer taking part is idle and no packet
     * is left. The packets are looked at after the counts: a tracer publishes before it turns idle,
     * and no idle tracer publishes, so no packet can appear once the compare-and-set succeeds.
     */
    private boolean ended() {
        long s = state.get();
        if (s < 0 || aborted) {
            return true;
        }
        return (s >>> 32) == (s & IDLE) && packets.isEmpty() && state.compareAndSet(s, s | OVER);
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
