package dev.parallax.gc.properties.run;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.GlobalRoot;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.properties.model.FixedShape;
import dev.parallax.gc.runtime.GcRuntimeImpl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Executes resolved steps on a real runtime through one {@link Mutator}, obeying the rooting
 * discipline: an address lives in a Java local only between two safepoints; whatever must survive
 * an allocation, poll or collection is in a slot or a global first. Steps that drive the collector
 * until an object is scanned or swept read its header's mark bit through the runtime's object model.
 */
public final class RuntimeExecutor {
    private final Mutator mutator;
    private final GcRuntime runtime;
    private final TagScheme tags;
    private final Shape[] shapes = new Shape[FixedShape.values().length];
    private final List<GlobalRoot> globals = new ArrayList<>();
    private final ObjectModel objects; // null when the runtime is not the shipped one
    private int globalsRegistered;

    public RuntimeExecutor(GcRuntime runtime, Mutator mutator) {
        this.runtime = runtime;
        this.mutator = mutator;
        this.tags = runtime.tags();
        this.objects = runtime instanceof GcRuntimeImpl impl ? impl.objects() : null;
        for (FixedShape s : FixedShape.values()) {
            shapes[s.ordinal()] = s.define(runtime.shapes());
        }
    }

    public Mutator mutator() {
        return mutator;
    }

    /** This mutator's registered globals, in registration order (the model's order). */
    public List<GlobalRoot> globals() {
        return globals;
    }

    /**
     * Executes {@code step} on the runtime and returns the step as the model must apply it: the step
     * itself, except that a {@link Step.SetRawAddress} becomes the {@link Step.SetRaw} of the word it stored.
     */
    public Step apply(Step step) {
        Mutator m = mutator;
        switch (step) {
            case Step.SetRawAddress(int objectSlot, long offset, boolean tagged, int slot) -> {
                long address = m.ref(objectSlot) + offset;
                long word = tagged ? tags.tagPointer(address) : address;
                m.setRaw(slot, word);
                return new Step.SetRaw(slot, word);
            }
            case Step.Sequence(String name, var steps) -> {
                List<Step> applied = new ArrayList<>(steps.size());
                for (Step s : steps) {
                    applied.add(apply(s));
                }
                return new Step.Sequence(name, applied);
            }
            default -> applyPlain(step);
        }
        return step;
    }

    /** Steps whose effect on the model does not depend on the runtime. */
    private void applyPlain(Step step) {
        Mutator m = mutator;
        switch (step) {
            // each allocation's result goes straight into its slot: nothing else is live across it
            case Step.NewShaped(var shape, int slot) -> m.setRef(slot, m.allocate(shapes[shape.ordinal()]));
            case Step.NewRefArray(int length, int slot) -> m.setRef(slot, m.allocateRefArray(length));
            case Step.NewRawArray(int length, int slot) -> m.setRef(slot, m.allocateRawArray(length));
            case Step.NewBoxedLong(long value, int slot) -> m.setRef(slot, m.boxLong(value));
            case Step.NewBoxedDouble(double value, int slot) -> m.setRef(slot, m.boxDouble(value));
            case Step.NewClosure(int code, var sources, int slot) -> {
                m.setRef(slot, m.allocateClosure(code, sources.size()));
                long closure = m.ref(slot); // no safepoint until the captures are written
                for (int i = 0; i < sources.size(); i++) {
                    m.writeValue(closure, i, word(sources.get(i)));
                }
            }
            case Step.WriteField(int objectSlot, int field, int source) ->
                    m.writeValue(m.ref(objectSlot), field, word(source));
            case Step.WriteRaw(int objectSlot, int field, long value) -> m.writeRaw(m.ref(objectSlot), field, value);
            case Step.WriteImmediate(int objectSlot, int field, long value) ->
                    m.writeValue(m.ref(objectSlot), field, tags.tagSmallInt(value));
            case Step.Load(int objectSlot, int field, int slot) ->
                    m.setValue(slot, m.readValue(m.ref(objectSlot), field));
            case Step.Copy(int from, int to, boolean reference) -> {
                if (reference) {
                    m.setValue(to, m.slot(from));
                } else {
                    m.setRaw(to, m.slot(from));
                }
            }
            case Step.Clear(int slot) -> m.clear(slot);
            case Step.SetRaw(int slot, long value) -> m.setRaw(slot, value);
            case Step.PushFrame(int slots, int rawSlots) -> m.pushFrame(frameShape(slots, rawSlots));
            case Step.PopFrame() -> m.popFrame();
            case Step.RegisterGlobal(int source) -> {
                GlobalRoot g = runtime.globals().register(m.name() + "/g" + globalsRegistered++);
                globals.add(g);
                g.set(word(source));
            }
            case Step.StoreGlobal(int global, int source) -> globals.get(global).set(word(source));
            case Step.UnregisterGlobal(int global) -> globals.remove(global).unregister();
            case Step.LoadGlobal(int global, int slot) -> m.setValue(slot, globals.get(global).get());
            case Step.Collect() -> m.collect();
            case Step.Poll() -> m.poll();
            case Step.BackEdge() -> m.backEdge();
            case Step.FunctionEntry() -> m.functionEntry();
            case Step.CollectStep() -> m.collectStep();
            case Step.Pin(int slot) -> m.pin(m.ref(slot));
            case Step.Unpin(int slot) -> m.unpin(m.ref(slot));
            case Step.StepUntilScanned(int slot, int field) -> {
                for (int n = 0; n < Step.MAX_STEPS && marked(m.ref(slot)) && !targetMarked(m.ref(slot), field); n++) {
                    m.collectStep();
                }
            }
            case Step.StepUntilSwept(int slot) -> {
                int n = 0;
                do {
                    m.collectStep();
                } while (++n < Step.MAX_STEPS && marked(m.ref(slot)));
            }
            case Step.SetRawAddress _, Step.Sequence _ -> throw new IllegalArgumentException("not a plain step: " + step);
            case Step.Skip _ -> {
                // nothing to do
            }
        }
    }

    /** The zeroed frame shape of {@code slots} slots whose last {@code rawSlots} are raw, defined on first use. */
    private FrameShape frameShape(int slots, int rawSlots) {
        int[] references = new int[slots - rawSlots];
        Arrays.setAll(references, i -> i);
        return runtime.frames().define("property/" + slots + "-" + rawSlots, slots, references);
    }

    /**
     * Whether the object's header carries the mark bit: read between safepoints, when no collection
     * runs. False when the runtime does not expose its object model.
     */
    private boolean marked(long object) {
        return objects != null && objects.isMarked(object);
    }

    /** Whether reference field {@code field} of {@code object} names a marked object (true for a non-pointer). */
    private boolean targetMarked(long object, int field) {
        long word = mutator.readValue(object, field);
        return !tags.isPointer(word) || marked(tags.untag(word));
    }

    /** The tagged word of a source slot, or the null word for -1. */
    private long word(int source) {
        return source < 0 ? 0L : mutator.slot(source);
    }
}
