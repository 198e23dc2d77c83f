package dev.parallax.gc.properties.run;

import dev.parallax.gc.properties.model.ModelObject;
import dev.parallax.gc.properties.model.ReferenceModel;
import dev.parallax.gc.properties.model.Value;

/** Executes resolved steps on the reference model: the expected effect of each step. */
public final class ModelExecutor {
    private ModelExecutor() {
    }

    /**
     * Applies {@code step}; returns the object it allocated, or null (also for a {@link Step.Sequence},
     * whose objects only a replay without a runtime, like {@link Trace}, lets this method allocate).
     */
    public static ModelObject apply(ReferenceModel model, Step step) {
        switch (step) {
            case Step.NewShaped(var shape, int slot) -> {
                return place(model, model.newShaped(shape), slot);
            }
            case Step.NewRefArray(int length, int slot) -> {
                return place(model, model.newRefArray(length), slot);
            }
            case Step.NewRawArray(int length, int slot) -> {
                return place(model, model.newRawArray(length), slot);
            }
            case Step.NewBoxedLong(long value, int slot) -> {
                return place(model, model.newBoxedLong(value), slot);
            }
            case Step.NewBoxedDouble(double value, int slot) -> {
                return place(model, model.newBoxedDouble(value), slot);
            }
            case Step.NewClosure(int code, var sources, int slot) -> {
                ModelObject closure = place(model, model.newClosure(code, sources.size()), slot);
                for (int i = 0; i < sources.size(); i++) {
                    closure.setWord(i, valueOf(model, sources.get(i)));
                }
                return closure;
            }
            case Step.WriteField(int objectSlot, int field, int source) ->
                    object(model, objectSlot).setWord(field, valueOf(model, source));
            case Step.WriteRaw(int objectSlot, int field, long value) ->
                    object(model, objectSlot).setWord(field, new Value.Raw(value));
            case Step.WriteImmediate(int objectSlot, int field, long value) ->
                    object(model, objectSlot).setWord(field, new Value.SmallInt(value));
            case Step.Load(int objectSlot, int field, int slot) ->
                    model.setSlot(slot, object(model, objectSlot).word(field));
            case Step.Copy(int from, int to, boolean reference) -> model.setSlot(to, model.slot(from));
            case Step.Clear(int slot) -> model.clearSlot(slot);
            case Step.SetRaw(int slot, long value) -> model.setSlot(slot, new Value.Raw(value));
            case Step.PushFrame(int slots, int rawSlots) -> model.pushFrame(slots, rawSlots);
            case Step.PopFrame() -> model.popFrame();
            case Step.RegisterGlobal(int source) -> model.registerGlobal(valueOf(model, source));
            case Step.StoreGlobal(int global, int source) -> model.setGlobal(global, valueOf(model, source));
            case Step.UnregisterGlobal(int global) -> model.unregisterGlobal(global);
            case Step.LoadGlobal(int global, int slot) -> model.setSlot(slot, model.global(global));
            case Step.SetRawAddress(var objectSlot, var offset, var tagged, int slot) ->
                    // the word is the runtime's address: the runner applies the SetRaw the runtime reports
                    model.setSlot(slot, new Value.Raw(0));
            case Step.Pin(int objectSlot) -> model.pin(object(model, objectSlot));
            case Step.Unpin(int objectSlot) -> model.unpin(object(model, objectSlot));
            case Step.Sequence(var name, var steps) -> {
                for (Step s : steps) {
                    apply(model, s);
                }
            }
            case Step.Collect _, Step.Poll _, Step.Skip _, Step.BackEdge _, Step.FunctionEntry _, Step.CollectStep _,
                 Step.StepUntilScanned _, Step.StepUntilSwept _ -> {
                // no effect on the objects the program sees
            }
        }
        return null;
    }

    private static ModelObject place(ReferenceModel model, ModelObject object, int slot) {
        model.setSlot(slot, new Value.Ref(object));
        return object;
    }

    private static ModelObject object(ReferenceModel model, int slot) {
        ModelObject o = model.slot(slot).target();
        if (o == null) {
            throw new IllegalStateException("resolver bug: slot " + slot + " holds no object but " + model.slot(slot));
        }
        return o;
    }

    /** The value a source slot contributes: its own value, or null for -1. */
    private static Value valueOf(ReferenceModel model, int source) {
        return source < 0 ? Value.NULL : model.slot(source);
    }
}
