package dev.parallax.gc.properties.run;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.GlobalRoot;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.properties.model.FixedShape;

import java.util.ArrayList;
import java.util.List;

/**
 * Executes resolved steps on a real runtime through one {@link Mutator}, obeying the rooting
 * discipline: an address lives in a Java local only between two safepoints; whatever must survive
 * an allocation, poll or collection is in a slot or a global first.
 */
public final class RuntimeExecutor {
    private final Mutator mutator;
    private final GcRuntime runtime;
    private final TagScheme tags;
    private final Shape[] shapes = new Shape[FixedShape.values().length];
    private final List<GlobalRoot> globals = new ArrayList<>();
    private int globalsRegistered;

    public RuntimeExecutor(GcRuntime runtime, Mutator mutator) {
        this.runtime = runtime;
        this.mutator = mutator;
        this.tags = runtime.tags();
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

    public void apply(Step step) {
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
            case Step.PushFrame(int slots) -> m.pushFrame(slots);
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
            case Step.Skip _ -> {
                // nothing to do
            }
        }
    }

    /** The tagged word of a source slot, or the null word for -1. */
    private long word(int source) {
        return source < 0 ? 0L : mutator.slot(source);
    }
}
