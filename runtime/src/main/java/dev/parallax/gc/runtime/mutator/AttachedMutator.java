package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.runtime.handshake.MutatorState;

/**
 * A mutator as the runtime keeps it: its handshake state, its stack (a root), its counters. The
 * runtime holds mutators through this interface because each runtime's mutators are instances of
 * its own specialised class (see {@link MutatorClass}).
 */
public interface AttachedMutator extends Mutator {
    /** The handshake's view of this mutator. */
    MutatorState state();

    /** The explicit stack, as root sources see it while the mutator is stopped. */
    MutatorStackView stack();

    /** Which of the runtime's stack regions this mutator owns. */
    int stackIndex();

    long bytesAllocated();

    long objectsAllocated();

    boolean isClosed();
}
