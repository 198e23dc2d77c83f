package dev.parallax.gc.collectors.generational;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.toolkit.space.CopyTarget;
import dev.parallax.gc.toolkit.space.ImmixAllocator;
import dev.parallax.gc.toolkit.space.ImmixSpace;
import dev.parallax.gc.toolkit.space.MarkSweepAllocator;
import dev.parallax.gc.toolkit.space.MarkSweepSpace;
import dev.parallax.gc.toolkit.space.SizeClasses;
import dev.parallax.gc.toolkit.space.Space;

/**
 * What the generational plan needs of its mature space beyond {@link Space}: a place to promote
 * survivors, a measure of its free room, and a per-mutator allocator to pretenure into. Two
 * policies: Immix (MMTk's GenImmix: promotion bumps into free lines) and segregated-fit mark-sweep
 * (GenMS: promotion takes one cell per object), chosen with {@code generational.mature}.
 */
sealed interface MatureSpace permits MatureSpace.Immix, MatureSpace.MarkSweep {

    /** The space itself, traced and released like the plan's others. */
    Space space();

    /**
     * Where a collection copies nursery survivors: one target per GC worker (index = worker), none
     * shared. A full collection promotes through the first alone.
     */
    CopyTarget[] promotions();

    /** Whether several workers may promote into this space at once, in minor and full collections. */
    boolean parallelPromotion();

    /** Whether full collections mark this space with several workers (compare-and-set marks). */
    void markAtomically(boolean on);

    /** After every collection that promoted (so after every one): the promotion buffer's rest becomes free space. */
    void closePromotion();

    /** After a collection of this space: promotion forgets the places that collection rebuilt. */
    void resetPromotion();

    /** Bytes free inside the space's own pages (free lines, free cells): room a minor collection can promote into. */
    long freeBytes();

    /** A new mutator's pretenuring allocator. */
    Pretenure pretenure();

    /** One mutator's allocator into the mature space, for when the nursery has no free page. */
    interface Pretenure {
        /** Gives {@code buffer} room for at least {@code bytes}; false when the space has none (or the object is too big for it). */
        boolean refill(AllocationBuffer buffer, long bytes);

        /** At the start of a pause and when the mutator leaves: counts and gives back what the pause needs. */
        void flush();

        /** At the end of a pause: forgets what the pause invalidated. */
        void reset();
    }

    /**
     * GenImmix: promotion bumps into free lines of fresh or partly free blocks, each worker through its
     * own target (blocks are handed out under the space's lock); pretenuring takes holes.
     */
    record Immix(ImmixSpace space, ImmixSpace.PromotionTarget[] promotions) implements MatureSpace {
        Immix(ImmixSpace space, int workers) {
            this(space, newTargets(space, workers));
        }

        private static ImmixSpace.PromotionTarget[] newTargets(ImmixSpace space, int workers) {
            var targets = new ImmixSpace.PromotionTarget[workers];
            for (int i = 0; i < workers; i++) {
                targets[i] = space.promotionTarget();
            }
            return targets;
        }

        @Override
        public boolean parallelPromotion() {
            return true;
        }

        @Override
        public void markAtomically(boolean on) {
            space.atomicMarking(on);
        }

        @Override
        public void closePromotion() {
            for (var target : promotions) {
                target.close();
            }
        }

        @Override
        public void resetPromotion() {
            for (var target : promotions) {
                target.reset();
            }
        }

        @Override
        public long freeBytes() {
            return space.freeLineBytes();
        }

        @Override
        public Pretenure pretenure() {
            var holes = new ImmixAllocator(space);
            return new Pretenure() {
                @Override
                public boolean refill(AllocationBuffer buffer, long bytes) {
                    return bytes <= ImmixSpace.BLOCK_BYTES && holes.refill(buffer, bytes);
                }

                @Override
                public void flush() {
                }

                @Override
                public void reset() {
                    holes.reset();
                }
            };
        }
    }

    /**
     * GenMS: promotion and pretenuring take one cell of the object's size class each (the space
     * marks a copy made while it is collected, so the sweep keeps it); no buffer to close.
     */
    record MarkSweep(MarkSweepSpace space) implements MatureSpace {
        @Override
        public CopyTarget[] promotions() {
            return new CopyTarget[] {space};
        }

        @Override
        public void markAtomically(boolean on) {
            space.atomicMarking(on);
        }

        /** One worker: the size classes' free lists are not shared between promoting workers. */
        @Override
        public boolean parallelPromotion() {
            return false;
        }

        @Override
        public void closePromotion() {
        }

        @Override
        public void resetPromotion() {
        }

        @Override
        public long freeBytes() {
            return space.freeBytes();
        }

        @Override
        public Pretenure pretenure() {
            var cells = new MarkSweepAllocator(space);
            return new Pretenure() {
                @Override
                public boolean refill(AllocationBuffer buffer, long bytes) {
                    long cell = bytes <= SizeClasses.MAX_CELL_BYTES
                            ? cells.allocate(bytes) : 0;
                    if (cell != 0) {
                        buffer.reset(cell, cell + bytes);
                    }
                    return cell != 0;
                }

                @Override
                public void flush() {
                    cells.flush();
                }

                @Override
                public void reset() {
                    cells.reset();
                }
            };
        }
    }
}
