package dev.parallax.gc.jcstress;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.AllocationSemantics;
import dev.parallax.gc.api.collector.MutatorContext;
import dev.parallax.gc.runtime.handshake.MutatorState;
import dev.parallax.gc.runtime.handshake.PauseHandler;
import dev.parallax.gc.runtime.handshake.PauseKind;
import dev.parallax.gc.runtime.handshake.SafepointCoordinator;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stop-the-world handshake: a mutator attaches, writes a heap word and polls, three times, then
 * detaches, while a control thread runs a collection. Whenever the pause runs, the mutator is parked,
 * not yet attached or already detached: the word never changes while the pause reads it, and the
 * pause sees every write made before the mutator stopped.
 */
@JCStressTest
@Outcome(id = {"0, 1"}, expect = Expect.ACCEPTABLE, desc = "the pause ran; the heap word held still while it read it")
@Outcome(id = {"1, 1"}, expect = Expect.FORBIDDEN, desc = "the mutator wrote the heap during the pause")
@Outcome(expect = Expect.FORBIDDEN, desc = "the collection did not run")
@State
public class HandshakeStopsTheMutator implements PauseHandler {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;

    private final MemorySegment heap = Arena.ofAuto().allocate(8, 8);
    private final SafepointCoordinator coordinator =
            new SafepointCoordinator(this, TimeUnit.SECONDS.toNanos(30), m -> { });
    private int changedDuringPause;
    private int pauses;

    /** The mutator's allocation state: this test allocates nothing. */
    private static final MutatorContext NO_ALLOCATION = new MutatorContext() {
        private final AllocationBuffer buffer = new AllocationBuffer();

        @Override
        public AllocationBuffer buffer() {
            return buffer;
        }

        @Override
        public long allocate(long bytes, AllocationSemantics semantics) {
            throw new UnsupportedOperationException("the handshake test allocates nothing");
        }

        @Override
        public void flush() {
        }
    };

    @Actor
    public void mutator() {
        MutatorState self = new MutatorState("m", Thread.currentThread(), null, NO_ALLOCATION);
        coordinator.attach(self);
        for (int i = 1; i <= 3; i++) {
            heap.set(WORD, 0, i);                       // a plain heap write between safepoints
            if (coordinator.stopRequested()) {          // the poll
                coordinator.park(self, "a poll");
            }
        }
        coordinator.detach(self);
    }

    @Actor
    public void collector() {
        coordinator.collect(null, "jcstress", PauseKind.FULL);
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = changedDuringPause;
        r.r2 = pauses;
    }

    @Override
    public void stopRequested(long number, String reason, long requestNanos) {
    }

    @Override
    public void runPause(long number, String reason, PauseKind kind, List<MutatorState> mutators, long stoppedNanos) {
        pauses++;
        long before = heap.get(WORD, 0);
        for (int spin = 0; spin < 50; spin++) {
            Thread.onSpinWait();
        }
        if (heap.get(WORD, 0) != before) {
            changedDuringPause = 1;
        }
    }

    @Override
    public void finished(long number, long releaseNanos, Throwable failure) {
    }

    @Override
    public void resumed(long number, Throwable failure) {
    }

    @Override
    public void abandoned(long number) {
    }
}
