package dev.parallax.gc.toolkit.trace;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end of a parallel trace counts the tracers that joined it: the collecting tracer alone ends a
 * trace no helper came for, and a helper that comes after the end is refused; a helper that joined
 * holds the end until it is idle too.
 */
class WorkPacketsTest {

    @Test
    void theCollectingTracerAloneEndsATraceNoHelperJoinedAndALatecomerIsRefused() {
        WorkPackets packets = new WorkPackets();
        packets.reset();
        for (int i = 0; i < 3; i++) {
            packets.publish(new long[] {i});
        }
        int taken = 0;
        while (packets.awaitWork() != null) {
            taken++;
        }
        assertEquals(3, taken, "the collecting tracer took back every packet it published");
        assertFalse(packets.join(), "a helper that comes after the end must leave the trace alone");
        packets.reset();
        assertTrue(packets.join(), "the next trace admits helpers again");
    }

    @Test
    void aJoinedHelperHoldsTheEndUntilItIsIdleAndItsPacketIsTakenOnce() throws Exception {
        WorkPackets packets = new WorkPackets();
        packets.reset();
        assertTrue(packets.join());
        AtomicInteger taken = new AtomicInteger();
        CompletableFuture<Void> collecting = CompletableFuture.runAsync(() -> drain(packets, taken));
        Thread.sleep(50);
        assertFalse(collecting.isDone(), "the trace ended while a joined helper was still working");
        packets.publish(new long[] {42});   // the helper's work, shared
        drain(packets, taken);              // the helper runs dry too
        collecting.get(10, TimeUnit.SECONDS);
        assertEquals(1, taken.get(), "the one packet was taken exactly once");
        assertFalse(packets.join());
    }

    /** A tracer with nothing of its own: takes packets until the trace is over. */
    private static void drain(WorkPackets packets, AtomicInteger taken) {
        for (long[] packet = packets.awaitWork(); packet != null; packet = packets.awaitWork()) {
            taken.incrementAndGet();
        }
        assertNull(packets.awaitWork(), "a trace once over stays over");
    }
}
