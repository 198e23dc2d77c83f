package dev.parallax.gc.jcstress;

import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.tagging.highbit.HighBitTags;
import dev.parallax.gc.tagging.lowbit.LowBitTags;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.J_Result;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Tagged compare-and-set on a 64-bit off-heap cell, as parallax-net's Ref nodes update them (see
 * {@code RefCellBenchmark}): the tag and the payload of a cell change together or not at all, under
 * both tag schemes.
 */
public final class TaggedCellCas {
    private TaggedCellCas() {
    }

    private static final VarHandle CELL = ValueLayout.JAVA_LONG.varHandle();
    private static final long A = 0x0000_7000_0000_1000L;
    private static final long B = 0x0000_7000_0000_2000L;
    private static final long C = 0x0000_7000_0000_3000L;

    /** One cell in off-heap memory, holding a tagged word. */
    abstract static class Cell {
        final TagScheme tags;
        final MemorySegment cell = Arena.ofAuto().allocate(8, 8);

        Cell(TagScheme tags, long initial) {
            this.tags = tags;
            CELL.setVolatile(cell, 0L, initial);
        }

        /** Retargets the pointer from {@code from} to {@code to}, keeping the tag, in one CAS. */
        int retarget(long from, long to) {
            long old = (long) CELL.getVolatile(cell, 0L);
            if (!tags.isPointer(old) || tags.untag(old) != from) {
                return 0;
            }
            return CELL.compareAndSet(cell, 0L, old, tags.retarget(old, to)) ? 1 : 0;
        }

        /** Increments the small integer in a CAS loop. */
        void increment() {
            while (true) {
                long old = (long) CELL.getVolatile(cell, 0L);
                if (CELL.compareAndSet(cell, 0L, old, tags.tagSmallInt(tags.untagSmallInt(old) + 1))) {
                    return;
                }
            }
        }

        /** 1 for a pointer to B, 2 to C, 0 for anything else (a torn or mistagged word). */
        int target() {
            long w = (long) CELL.getVolatile(cell, 0L);
            return !tags.isPointer(w) ? 0 : tags.untag(w) == B ? 1 : tags.untag(w) == C ? 2 : 0;
        }

        /** The small integer held, or -1 when the word is no small integer. */
        long smallInt() {
            long w = (long) CELL.getVolatile(cell, 0L);
            return tags.kindOf(w) == dev.parallax.gc.api.tags.ValueKind.SMALL_INT ? tags.untagSmallInt(w) : -1;
        }
    }

    /** Two threads retarget the same low-bit pointer cell: exactly one wins, the word is whole. */
    @JCStressTest
    @Outcome(id = {"1, 0, 1", "0, 1, 2"}, expect = Expect.ACCEPTABLE, desc = "one CAS wins; the cell names its target")
    @Outcome(expect = Expect.FORBIDDEN, desc = "both or neither won, or the word is torn")
    @State
    public static class LowBitRetarget extends Cell {
        public LowBitRetarget() {
            super(new LowBitTags(), new LowBitTags().tagPointer(A));
        }

        @Actor
        public void first(III_Result r) {
            r.r1 = retarget(A, B);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = retarget(A, C);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r3 = target();
        }
    }

    /** The same under high-bit tags (pointers carry their tag above a 48-bit address). */
    @JCStressTest
    @Outcome(id = {"1, 0, 1", "0, 1, 2"}, expect = Expect.ACCEPTABLE, desc = "one CAS wins; the cell names its target")
    @Outcome(expect = Expect.FORBIDDEN, desc = "both or neither won, or the word is torn")
    @State
    public static class HighBitRetarget extends Cell {
        public HighBitRetarget() {
            super(new HighBitTags(), new HighBitTags().tagPointer(A));
        }

        @Actor
        public void first(III_Result r) {
            r.r1 = retarget(A, B);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = retarget(A, C);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r3 = target();
        }
    }

    /** Two threads increment a low-bit small integer with CAS loops: no increment is lost. */
    @JCStressTest
    @Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "both increments landed")
    @Outcome(expect = Expect.FORBIDDEN, desc = "an increment was lost, or the tag broke")
    @State
    public static class LowBitIncrement extends Cell {
        public LowBitIncrement() {
            super(new LowBitTags(), new LowBitTags().tagSmallInt(0));
        }

        @Actor
        public void first() {
            increment();
        }

        @Actor
        public void second() {
            increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = smallInt();
        }
    }

    /** The same under high-bit tags. */
    @JCStressTest
    @Outcome(id = "2", expect = Expect.ACCEPTABLE, desc = "both increments landed")
    @Outcome(expect = Expect.FORBIDDEN, desc = "an increment was lost, or the tag broke")
    @State
    public static class HighBitIncrement extends Cell {
        public HighBitIncrement() {
            super(new HighBitTags(), new HighBitTags().tagSmallInt(0));
        }

        @Actor
        public void first() {
            increment();
        }

        @Actor
        public void second() {
            increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = smallInt();
        }
    }
}
