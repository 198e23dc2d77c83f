package dev.parallax.gc.runtime.handshake;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.MutatorContext;
import dev.parallax.gc.api.roots.MutatorStackView;

/**
 * One attached mutator as the handshake sees it: its name and thread, its status, and what a pause
 * needs from it (its stack, a root, and its collector context, to flush and reset).
 *
 * <p>The status changes only on the owner thread and only under the coordinator's lock; it is
 * volatile so the owner's debug checks and the collector read it without the lock.
 */
public final class MutatorState {
    private final String name;
    private final Thread owner;
    private final MutatorStackView stack;
    private final MutatorContext context;
    private volatile MutatorStatus status = MutatorStatus.RUNNING;

    public MutatorState(String name, Thread owner, MutatorStackView stack, MutatorContext context) {
        this.name = name;
        this.owner = owner;
        this.stack = stack;
        this.context = context;
    }

    public String name() {
        return name;
    }

    public Thread owner() {
        return owner;
    }

    public MutatorStackView stack() {
        return stack;
    }

    /** The buffer the mutator's fast path bumps (its context's). */
    public AllocationBuffer buffer() {
        return context.buffer();
    }

    /** The mutator's allocation state, as its collector defines it. */
    public MutatorContext context() {
        return context;
    }

    public MutatorStatus status() {
        return status;
    }

    void setStatus(MutatorStatus status) {
        this.status = status;
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + status + ")";
    }
}
