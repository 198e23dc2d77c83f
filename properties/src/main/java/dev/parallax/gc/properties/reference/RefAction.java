package dev.parallax.gc.properties.reference;

import dev.parallax.gc.api.reference.ReferenceKind;

/**
 * One step of a reference program, over a frame of {@link RefModel#SLOTS} reference slots. Operands
 * are small integers resolved modulo what they name (a slot, a field), and an action whose operand
 * does not hold what it needs (a node, a reference, an ephemeron) does nothing, so every sequence
 * runs and any action can be removed while shrinking.
 */
public sealed interface RefAction {
    /** A new node (two reference fields and its id as a raw word) into {@code slot}. */
    record Alloc(int slot) implements RefAction {
    }

    /** Field {@code field} of the node in {@code from} := what slot {@code to} holds. */
    record Link(int from, int field, int to) implements RefAction {
    }

    /** Slot {@code to} := field {@code field} of the node in {@code from}. */
    record Load(int from, int field, int to) implements RefAction {
    }

    /** Slot {@code slot} := null. */
    record Drop(int slot) implements RefAction {
    }

    /** A reference of {@code kind} to the node in {@code referent} (null otherwise), on the queue, into {@code slot}. */
    record NewRef(ReferenceKind kind, int referent, int slot) implements RefAction {
    }

    /** Slot {@code to} := the referent of the soft or weak reference in {@code ref}. */
    record Get(int ref, int to) implements RefAction {
    }

    /** An ephemeron with the node in {@code key} (skipped unless a node) and what {@code value} holds, into {@code slot}. */
    record NewEphemeron(int key, int value, int slot) implements RefAction {
    }

    /** Slot {@code to} := the value of the ephemeron in {@code ephemeron}. */
    record EphemeronValue(int ephemeron, int to) implements RefAction {
    }

    /** Registers a finalizer for the node in {@code slot} (once per node); it keeps the node if {@code resurrect}. */
    record Finalize(int slot, boolean resurrect) implements RefAction {
    }

    /** A full collection, under memory pressure if {@code pressure}; then the finalizers it made due run. */
    record Collect(boolean pressure) implements RefAction {
    }

    /** One collector step: an increment of an incremental collector, a full collection of the others. */
    record Step() implements RefAction {
    }

    /** Takes every reference from the queue. */
    record PollAll() implements RefAction {
    }

    /** Forgets every object the finalizers resurrected. */
    record Release() implements RefAction {
    }
}
