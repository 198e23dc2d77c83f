package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.runtime.handshake.MutatorState;
import dev.parallax.gc.runtime.handshake.MutatorStatus;
import dev.parallax.gc.runtime.handshake.SafepointCoordinator;

/**
 * Debug-mode validation of one mutator's calls, and the messages of the errors release mode still
 * raises. Every check throws {@link IllegalArgumentException} or {@link IllegalStateException}
 * naming the mutator, the object (its id, kind and shape) or the frame and slot, before anything
 * is written. Kept out of the specialised mutator class: none of it is on the release fast path.
 */
final class MutatorChecks {
    /** Bit c set when kind code c is an allocated object. */
    private static final int OBJECT_CODES = objectCodes();

    private final String name;
    private final ObjectModel objects;
    private final TagScheme tags;
    private final MutatorEnvironment env;
    private final SafepointCoordinator coordinator;
    private final MutatorState state;

    MutatorChecks(String name, MutatorEnvironment env, MutatorState state) {
        this.name = name;
        this.env = env;
        this.objects = env.objects();
        this.tags = env.tags();
        this.coordinator = env.coordinator();
        this.state = state;
    }

    // ---- thread and handshake ---------------------------------------------------------------------

    /** The owner thread is calling, and (debug) the mutator may touch the heap now. */
    void enter(Thread owner) {
        if (Thread.currentThread() != owner) {
            throw notOwner(owner);
        }
        MutatorStatus status = state.status();
        if (status != MutatorStatus.RUNNING || coordinator.collectionRunning()) {
            coordinator.recordViolation();
            throw new IllegalStateException("mutator '" + name + "' touched the heap during collection #"
                    + coordinator.latestCollection() + " (mutator status " + status + ", collection "
                    + (coordinator.collectionRunning() ? "running" : "not running") + ")");
        }
    }

    /** The owner thread is calling (checked in every mode by the cold entry points). */
    void owner(Thread owner) {
        if (Thread.currentThread() != owner) {
            throw notOwner(owner);
        }
    }

    private IllegalStateException notOwner(Thread owner) {
        if (owner == null) {
            return new IllegalStateException("mutator '" + name + "' is closed");
        }
        return new IllegalStateException("mutator '" + name + "' belongs to thread '" + owner.getName()
                + "'; it was called from thread '" + Thread.currentThread().getName() + "'");
    }

    /** Refuses {@code op} inside {@code runBlocked}, where the mutator counts as stopped. */
    void requireRunning(String op) {
        if (state.status() != MutatorStatus.RUNNING) {
            throw new IllegalStateException("mutator '" + name + "': " + op + " while " + state.status()
                    + " (inside runBlocked?)");
        }
    }

    // ---- frames and slots ---------------------------------------------------------------------------

    void pushFrame(FrameShape shape) {
        if (shape == null) {
            throw new IllegalArgumentException("mutator '" + name + "': pushFrame(null)");
        }
        FrameShape known = env.frames().byId(shape.id());
        if (known != shape && !shape.equals(known)) {
            throw new IllegalArgumentException("mutator '" + name + "': " + shape
                    + " is not defined in this runtime's frame shape table");
        }
    }

    IllegalStateException overflow(FrameShape shape, long stackWords) {
        return new IllegalStateException("mutator '" + name + "': stack overflow pushing frame '" + shape.name()
                + "' of " + shape.slots() + " slots (the stack holds " + stackWords + " words; config key stack)");
    }

    IllegalStateException underflow() {
        return new IllegalStateException("mutator '" + name + "': popFrame with no frame pushed");
    }

    /** What a slot is used for: the check each use needs. */
    enum SlotUse { REFERENCE, RAW, ANY }

    /** Checks {@code slot} exists in the innermost frame and suits {@code use}. */
    void slot(FrameShape innermost, int depth, int slot, SlotUse use, String op) {
        if (depth == 0) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " of slot " + slot
                    + " with no frame pushed");
        }
        if (slot < 0 || slot >= innermost.slots()) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " of slot " + slot + ", outside "
                    + frameName(innermost, depth) + " of " + innermost.slots() + " slots");
        }
        boolean reference = innermost.isReference(slot);
        if (use == SlotUse.REFERENCE && !reference) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " of slot " + slot + " of "
                    + frameName(innermost, depth) + ", which is a raw slot (its frame shape says so); use setRaw/slot");
        }
        if (use == SlotUse.RAW && reference) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " of slot " + slot + " of "
                    + frameName(innermost, depth) + ", which is a reference slot (its frame shape says so); "
                    + "use setRef/setValue");
        }
    }

    /** A pointer to {@code target} may be stored in {@code slot}. */
    void slotTarget(FrameShape innermost, int depth, int slot, long target) {
        String why = objects.whyNotObject(target);
        if (why != null) {
            throw new IllegalArgumentException("mutator '" + name + "': cannot store a pointer in slot " + slot
                    + " of " + frameName(innermost, depth) + ": " + why);
        }
    }

    /** {@code ref(slot)} read a word that is neither 0 nor a pointer. */
    void refWord(FrameShape innermost, int depth, int slot, long word) {
        if (word != 0 && !tags.isPointer(word)) {
            throw new IllegalStateException(String.format("mutator '%s': slot %d of %s holds %s word 0x%x, not a pointer",
                    name, slot, frameName(innermost, depth), tags.kindOf(word), word));
        }
    }

    private static String frameName(FrameShape shape, int depth) {
        return "frame " + (depth - 1) + " ('" + shape.name() + "')";
    }

    // ---- objects and fields -------------------------------------------------------------------------

    void shape(Shape shape) {
        Shape known = objects.shapes().byId(shape.id());
        if (known != shape && !shape.equals(known)) {
            throw new IllegalArgumentException("mutator '" + name + "': " + shape
                    + " is not defined in this runtime's shape table");
        }
    }

    int length(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("mutator '" + name + "': negative length " + length);
        }
        return length;
    }

    int codeId(int codeId) {
        if (codeId < 0 || codeId > HeaderLayout.MAX_TYPE_ID) {
            throw new IllegalArgumentException("mutator '" + name + "': code id " + codeId + " is outside 0.."
                    + HeaderLayout.MAX_TYPE_ID);
        }
        return codeId;
    }

    /**
     * The status word of {@code object} after checking it is an object: fully in debug mode, else
     * (the queries that read a header in release mode too) range, alignment and kind.
     */
    long status(long object, String op, boolean debug) {
        if (debug) {
            String why = objects.whyNotObject(object);
            if (why != null) {
                throw new IllegalArgumentException("mutator '" + name + "': " + op + " on a non-object: " + why);
            }
            return objects.status(object);
        }
        if ((object & (HeaderLayout.ALIGNMENT - 1)) != 0 || !objects.inHeap(object)) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " on a non-object: "
                    + objects.whyNotObject(object));
        }
        long status = objects.status(object);
        if ((OBJECT_CODES >>> HeaderLayout.kindCode(status) & 1) == 0) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " on a non-object: "
                    + objects.whyNotObject(object));
        }
        return status;
    }

    long kind(long object, ObjectKind expected, String op, boolean debug) {
        long status = status(object, op, debug);
        if (HeaderLayout.kindCode(status) != expected.code()) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " needs a " + expected
                    + " object, not " + objects.describe(object));
        }
        return status;
    }

    /** Checks {@code index} is a body word of {@code object}; returns the status word. */
    private long field(long object, int index, String op) {
        long status = status(object, op, true);
        if (Integer.toUnsignedLong(index) >= HeaderLayout.length(status)) {   // a negative index is huge
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " of field " + index + " is outside "
                    + objects.describe(object));
        }
        return status;
    }

    void referenceField(long object, int index, String op) {
        if (!isReferenceField(field(object, index, op), index, object)) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " to field " + index + " of "
                    + objects.describe(object) + ", which is a raw field; use readRaw/writeRaw");
        }
    }

    void rawField(long object, int index, String op) {
        if (isReferenceField(field(object, index, op), index, object)) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " of field " + index + " of "
                    + objects.describe(object) + ", which may hold a reference; use readValue/writeValue");
        }
    }

    /** A read reference field held a word that is neither 0 nor a pointer. */
    void fieldRefWord(long object, int index, long word) {
        if (word != 0 && !tags.isPointer(word)) {
            throw new IllegalStateException(String.format("mutator '%s': field %d of %s holds %s word 0x%x, not a pointer",
                    name, index, objects.describe(object), tags.kindOf(word), word));
        }
    }

    /** A pointer to {@code target} may be stored in field {@code index} of {@code object}. */
    void fieldTarget(long object, int index, long target) {
        String why = objects.whyNotObject(target);
        if (why != null) {
            throw new IllegalArgumentException("mutator '" + name + "': cannot store a pointer in field " + index
                    + " of " + objects.describe(object) + ": " + why);
        }
    }

    /** {@link ObjectModel#isReferenceField} from an already loaded status word. */
    private boolean isReferenceField(long status, int index, long object) {
        int kind = HeaderLayout.kindCode(status);
        if (kind == ObjectKind.REF_ARRAY.code() || kind == ObjectKind.CLOSURE.code()) {
            return true;
        }
        if (kind != ObjectKind.SHAPED.code()) {
            return false;
        }
        Shape shape = objects.shapes().byId(HeaderLayout.typeId(status));
        if (shape == null) {
            throw new HeapCorruptionException(objects.describe(object) + " names an undefined shape");
        }
        return shape.isReference(index);
    }

    void pinnable(long object, String op, boolean canPin, boolean debug) {
        status(object, op, debug);
        if (!canPin) {
            throw new IllegalStateException("mutator '" + name + "': cannot " + op + " " + objects.describe(object)
                    + ": collector '" + env.collector().name() + "' does not support pinning");
        }
    }

    /** "mutator 'name'". */
    String describe() {
        return "mutator '" + name + "'";
    }

    private static int objectCodes() {
        int codes = 0;
        for (ObjectKind k : ObjectKind.values()) {
            codes |= k.isObject() ? 1 << k.code() : 0;
        }
        return codes;
    }
}
