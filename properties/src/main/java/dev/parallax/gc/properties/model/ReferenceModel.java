package dev.parallax.gc.properties.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The oracle: what one mutator's heap should look like, in plain Java objects. It knows nothing of
 * the runtime or of any collector. It holds a stack of frames of slots (only the innermost frame is
 * addressable, as with {@code Mutator}) and the global cells this mutator registered, in
 * registration order; an object exists for the GC exactly when it is reachable from those roots.
 * It also records which objects the program pinned.
 *
 * <p>A frame's layout is fixed when it is pushed, as a frame shape fixes it in the runtime: its
 * first slots are reference slots (holding reference-capable values, {@link Value#NULL} when
 * cleared), the rest raw slots (holding {@link Value.Raw} words, {@link Value#CLEARED} when
 * cleared). So {@code slot(i).isReference()} always tells the slot's kind.
 */
public final class ReferenceModel {
    private final List<Value[]> frames = new ArrayList<>();
    /** Per frame, how many of its first slots are reference slots. */
    private final List<Integer> referenceSlots = new ArrayList<>();
    private final List<Value> globals = new ArrayList<>();
    /** Pin counts: an object stays pinned until unpinned as often as pinned. ModelObject equality is identity. */
    private final Map<ModelObject, Integer> pinned = new LinkedHashMap<>();
    private int nextSerial = 1;

    // ---- frames and slots -----------------------------------------------------------------

    /** Pushes a frame of {@code slots} cleared slots, of which the last {@code rawSlots} are raw. */
    public void pushFrame(int slots, int rawSlots) {
        if (slots < 1 || rawSlots < 0 || rawSlots >= slots) {
            throw new IllegalArgumentException("a frame needs at least one reference slot: " + slots + " slots, "
                    + rawSlots + " raw");
        }
        Value[] frame = new Value[slots];
        Arrays.fill(frame, 0, slots - rawSlots, Value.NULL);
        Arrays.fill(frame, slots - rawSlots, slots, Value.CLEARED);
        frames.add(frame);
        referenceSlots.add(slots - rawSlots);
    }

    public void popFrame() {
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frame to pop");
        }
        frames.removeLast();
        referenceSlots.removeLast();
    }

    /** Reference slots of the innermost frame: slots {@code 0 .. referenceSlotCount() - 1}. */
    public int referenceSlotCount() {
        return referenceSlots.getLast();
    }

    /** Raw slots of the innermost frame: the slots after the reference slots. */
    public int rawSlotCount() {
        return frameSize() - referenceSlotCount();
    }

    public boolean isReferenceSlot(int index) {
        return index < referenceSlotCount();
    }

    /** Clears a slot of the innermost frame: null for a reference slot, a raw zero for a raw one. */
    public void clearSlot(int index) {
        innermost()[index] = isReferenceSlot(index) ? Value.NULL : Value.CLEARED;
    }

    /** Frames pushed. */
    public int depth() {
        return frames.size();
    }

    /** Slots of the innermost frame. */
    public int frameSize() {
        return innermost().length;
    }

    public Value slot(int index) {
        return innermost()[index];
    }

    /** Stores into a slot of the innermost frame; the value's kind must be the slot's. */
    public void setSlot(int index, Value value) {
        if (value.isReference() != isReferenceSlot(index)) {
            throw new IllegalArgumentException("slot " + index + " is a " + (isReferenceSlot(index) ? "reference" : "raw")
                    + " slot; it cannot hold " + value);
        }
        innermost()[index] = value;
    }

    /** The slots of frame {@code depth} (0 = outermost), as a read-only snapshot. */
    public List<Value> frame(int depth) {
        return List.of(frames.get(depth));
    }

    private Value[] innermost() {
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frame pushed");
        }
        return frames.getLast();
    }

    // ---- allocation -------------------------------------------------------------------------
    // A new object is reachable only once the caller stores it somewhere.

    public ModelObject newShaped(FixedShape shape) {
        return ModelObject.shaped(nextSerial++, shape);
    }

    public ModelObject newRefArray(int length) {
        return ModelObject.refArray(nextSerial++, length);
    }

    public ModelObject newRawArray(int length) {
        return ModelObject.rawArray(nextSerial++, length);
    }

    public ModelObject newBoxedLong(long value) {
        return ModelObject.boxedLong(nextSerial++, value);
    }

    public ModelObject newBoxedDouble(double value) {
        return ModelObject.boxedDouble(nextSerial++, value);
    }

    public ModelObject newClosure(int codeId, int captured) {
        return ModelObject.closure(nextSerial++, codeId, captured);
    }

    // ---- globals ----------------------------------------------------------------------------

    /** Registers a cell holding {@code value} (a reference-capable value); returns its index. */
    public int registerGlobal(Value value) {
        requireReference(value);
        globals.add(value);
        return globals.size() - 1;
    }

    /** Unregisters cell {@code index}; later cells move down by one, as in registration order. */
    public void unregisterGlobal(int index) {
        globals.remove(index);
    }

    public int globalCount() {
        return globals.size();
    }

    public Value global(int index) {
        return globals.get(index);
    }

    public void setGlobal(int index, Value value) {
        requireReference(value);
        globals.set(index, value);
    }

    private static void requireReference(Value value) {
        if (!value.isReference()) {
            throw new IllegalArgumentException("a global cell holds a tagged value, not " + value);
        }
    }

    // ---- pinning ----------------------------------------------------------------------------
    // A pin keeps an object in place, not alive: a pinned object may still become garbage.

    public void pin(ModelObject object) {
        pinned.merge(object, 1, Integer::sum);
    }

    /** Removes one pin; the object stays pinned while it holds others. */
    public void unpin(ModelObject object) {
        pinned.computeIfPresent(object, (o, count) -> count == 1 ? null : count - 1);
    }

    public boolean isPinned(ModelObject object) {
        return pinned.containsKey(object);
    }

    /** Every object holding a pin, reachable or not, in the order of their first pin. */
    public Set<ModelObject> pinned() {
        return Collections.unmodifiableSet(pinned.keySet());
    }

    // ---- reachability -----------------------------------------------------------------------

    /** Every root word in scan order: each frame's slots from the outermost frame in, then the globals. */
    public List<Value> roots() {
        List<Value> out = new ArrayList<>();
        for (Value[] frame : frames) {
            Collections.addAll(out, frame);
        }
        out.addAll(globals);
        return out;
    }

    /** The objects reachable from {@link #roots()}, each once, in breadth-first order. */
    public Set<ModelObject> reachable() {
        Set<ModelObject> seen = new LinkedHashSet<>();
        Deque<ModelObject> work = new ArrayDeque<>();
        for (Value root : roots()) {
            enqueue(root, seen, work);
        }
        while (!work.isEmpty()) {
            ModelObject o = work.removeFirst();
            for (int i = 0; i < o.length(); i++) {
                enqueue(o.word(i), seen, work);
            }
        }
        return seen;
    }

    private static void enqueue(Value v, Set<ModelObject> seen, Deque<ModelObject> work) {
        ModelObject t = v.target();
        if (t != null && seen.add(t)) {
            work.addLast(t);
        }
    }

    /**
     * The bytes the reachable objects occupy on a heap whose headers are {@code headerWords} words:
     * what a full collection must leave in use.
     */
    public long reachableBytes(int headerWords) {
        long bytes = 0;
        for (ModelObject o : reachable()) {
            bytes += o.bytes(headerWords);
        }
        return bytes;
    }
}
