package dev.parallax.gc.collectors.incremental;

import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.tags.TagScheme;

import java.util.Arrays;

/**
 * Snapshot-at-the-beginning deletion barrier (Yuasa): while a cycle is marking, the reference a
 * store overwrites is logged, so every object reachable when the cycle started is marked even if
 * the mutator cuts the path to it before the marker gets there.
 *
 * <p>Why SATB and not an insertion (Dijkstra) barrier: stacks are roots that carry no barrier. With
 * SATB they are scanned once, at the start of the cycle, and marking can end as soon as the grey set
 * is empty; an insertion barrier would need a final stop-the-world rescan of every stack. The price
 * is floating garbage: objects that die during the cycle survive until the next one.
 *
 * <p>Cost on the store path: one plain read of the "marking" flag; while marking, a lock and an
 * array store for stores that overwrite a pointer. The log is drained in the next increment.
 */
final class SatbBarrier implements WriteBarrier {
    private final TagScheme tags;
    /** Written only inside pauses; mutators read it after the handshake, which orders the accesses. */
    private boolean marking;
    private long[] log = new long[1024];
    private int logged;

    SatbBarrier(TagScheme tags) {
        this.tags = tags;
    }

    void setMarking(boolean on) {
        marking = on;
    }

    @Override
    public void onReferenceStore(long object, long field, long oldValue, long newValue) {
        if (marking && tags.isPointer(oldValue)) {
            record(tags.untag(oldValue));
        }
    }

    private synchronized void record(long address) {
        if (logged == log.length) {
            log = Arrays.copyOf(log, logged * 2);
        }
        log[logged++] = address;
    }

    /** Hands every logged address to {@code shade} and empties the log. Called with the world stopped. */
    synchronized void drainTo(java.util.function.LongConsumer shade) {
        for (int i = 0; i < logged; i++) {
            shade.accept(log[i]);
        }
        logged = 0;
    }
}
