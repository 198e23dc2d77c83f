package dev.parallax.gc.api.collector;

import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.reference.ReferenceTracer;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;

import java.util.function.LongUnaryOperator;

/**
 * What the runtime hands a collector for one stop-the-world collection. When the collector is
 * called, every mutator is parked or blocked, every allocation buffer has been retired (its unused
 * tail formatted as free space, so the heap is parsable end to end), and the runtime will resume
 * the mutators after {@link Collector#collect} returns.
 */
public interface CollectionScope {
    ObjectModel objects();

    TagScheme tags();

    /**
     * Runs every configured root source over every stopped mutator and the globals, reporting to
     * {@code visitor}. May be called more than once per collection (e.g. once to mark, once to
     * update references); each call reports the same roots.
     */
    void scanRoots(RootVisitor visitor);

    /**
     * Announces that a phase starts; the runtime times phases and forwards them to listeners.
     * Contract: in phases MARK_ROOTS, TRACE_LIVE, COMPUTE_FORWARDING and UPDATE_REFERENCES every
     * object that exists when the phase starts stays where it is with its size (a copying collector
     * may place copies in free space and reformat free space, never free or move over an object):
     * the runtime keeps the
     * object-start map that conservative root sources resolve words with across those four phases
     * and rebuilds it after any other phase is announced.
     */
    void phase(GcPhase phase);

    /**
     * Names what this pause collects when that is less than the whole heap, for reports and the GC
     * log: {@code "young"} for a generational minor collection, {@code "increment"} for a bounded
     * step of an incremental cycle. Without a call a pause counts as {@code "full"}. Cost: a field store.
     */
    default void collects(String kind) {
    }

    /**
     * The start of the allocated object that contains {@code address} (its start or an interior
     * address), or 0 when none does (outside the heap, free space, a filler). Answers as
     * {@code RootScanContext.objectContaining} does, from the same object-start map, valid in the
     * phases that keep the heap's cells (see {@link #phase}). Debug-mode tracing uses it to accept
     * only object starts: a reference field holding an interior address is named, not followed.
     * Cost: one heap walk on the first call after the cells may have changed, then a short bit search.
     */
    long objectContaining(long address);

    /** Whether freed memory must be overwritten with {@link #POISON} (debug mode). */
    boolean poisonFreedMemory();

    /** Why this collection runs ("allocation failure", "requested", "stress"), for reports. */
    String reason();

    /** The sequence number of this collection, from 1. */
    long number();

    /**
     * Processes the runtime's weak structures (soft, weak and phantom references, ephemerons,
     * finalizable objects) once the collector's strong closure is complete and before it reclaims
     * anything: clears what died, retains what finalization and the soft policy keep (through
     * {@code tracer}), and records the current addresses of what lives. Every collection that
     * completes a trace calls it exactly once, after that trace (an incremental collector at the end
     * of marking; a generational one in minor collections too). Cost when the runtime tracks no
     * reference object: one branch.
     */
    default void processReferences(ReferenceTracer tracer) {
    }

    /**
     * For a collector that computes new addresses after {@link #processReferences} (mark-compact):
     * rewrites what reference processing recorded to each live object's new address,
     * {@code newAddress.applyAsLong(old)}. Called in UPDATE_REFERENCES, while objects are still at
     * their old addresses.
     */
    default void forwardReferences(LongUnaryOperator newAddress) {
    }

    /**
     * The word written over freed memory in debug mode. Its kind code (0xD) names no kind, so a
     * dangling reference into poisoned memory fails header validation.
     */
    long POISON = 0xDEAD_DEAD_DEAD_DEADL;
}
