package dev.parallax.gc.jcstress;

import dev.parallax.gc.toolkit.metadata.MarkBytes;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZZ_Result;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Two GC workers marking in an Immix space's byte mark table ({@link MarkBytes}): with plain stores
 * both may win one object (it is then scanned twice, which a non-moving trace tolerates) but never
 * neither, and marks of neighbouring granules never overwrite each other; with compare-and-set
 * exactly one wins.
 */
public final class MarkBytesRaces {
    private MarkBytesRaces() {
    }

    private static final long BASE = 1L << 32;

    /** Plain-store marks of one object by two workers. */
    @JCStressTest
    @Outcome(id = {"true, false, true", "false, true, true"}, expect = Expect.ACCEPTABLE, desc = "one worker marks it")
    @Outcome(id = "true, true, true", expect = Expect.ACCEPTABLE_INTERESTING,
            desc = "both saw it unmarked: both scan it (the double scan racy marks allow)")
    @Outcome(expect = Expect.FORBIDDEN, desc = "neither won, or the mark is lost")
    @State
    public static class RacyOneObject {
        private final MarkBytes marks = new MarkBytes(BASE, BASE + 64, 3);

        @Actor
        public void worker1(ZZZ_Result r) {
            r.r1 = marks.testAndSetRacy(BASE + 8);
        }

        @Actor
        public void worker2(ZZZ_Result r) {
            r.r2 = marks.testAndSetRacy(BASE + 8);
        }

        @Arbiter
        public void arbiter(ZZZ_Result r) {
            r.r3 = marks.get(BASE + 8);
        }
    }

    /** Compare-and-set marks of one object by two workers (debug mode, {@code ImmixSpace.exactMarking}). */
    @JCStressTest
    @Outcome(id = {"true, false", "false, true"}, expect = Expect.ACCEPTABLE, desc = "exactly one worker marks it")
    @Outcome(expect = Expect.FORBIDDEN, desc = "both or neither won")
    @State
    public static class AtomicOneObject {
        private final MarkBytes marks = new MarkBytes(BASE, BASE + 64, 3);

        @Actor
        public void worker1(ZZ_Result r) {
            r.r1 = marks.testAndSetAtomic(BASE + 8);
        }

        @Actor
        public void worker2(ZZ_Result r) {
            r.r2 = marks.testAndSetAtomic(BASE + 8);
        }
    }

    /** Plain-store marks of two neighbouring objects (adjacent bytes of one word) by two workers. */
    @JCStressTest
    @Outcome(id = "true, true", expect = Expect.ACCEPTABLE, desc = "both marks stay")
    @Outcome(expect = Expect.FORBIDDEN, desc = "one store overwrote the other's byte")
    @State
    public static class RacyNeighbours {
        private final MarkBytes marks = new MarkBytes(BASE, BASE + 64, 3);

        @Actor
        public void worker1() {
            marks.testAndSetRacy(BASE);
        }

        @Actor
        public void worker2() {
            marks.testAndSetRacy(BASE + 8);
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            r.r1 = marks.get(BASE);
            r.r2 = marks.get(BASE + 8);
        }
    }
}
