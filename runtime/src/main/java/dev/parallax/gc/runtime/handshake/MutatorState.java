package dev.parallax.gc.runtime.handshake;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.roots.MutatorStackView;

/**
 * One attached mutator as the handshake sees it: its name and thread, its status, and what a pause
 * needs from it (its stack, a root, and its allocation buffer, to retire).
 *
 * <p>The status changes only on the owner thread and only under the coordinator's lock; it is
 * volatile so the owner's debug checks and the collector read it without the lock.
 */
public final class MutatorState {
    private final String name;
    private final Thread owner;
    private final MutatorStackView stack;
    private final AllocationBuffer buffer;
    private volatile MutatorStatus status = MutatorStatus.RUNNING;

    public MutatorState(String name, Thread owner, MutatorStackView stack, AllocationBuffer buffer) {
        this.name = name;
        this.owner = owner;
        this.stack = stack;
        this.buffer = buffer;
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

    public AllocationBuffer buffer() {
        return buffer;
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
