package dev.parallax.gc.properties.run;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.properties.model.FixedShape;
import dev.parallax.gc.properties.model.ModelObject;
import dev.parallax.gc.properties.model.ReferenceModel;
import dev.parallax.gc.properties.model.Value;
import dev.parallax.gc.properties.program.Action;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns abstract actions into concrete steps against the reference model's current state. The one
 * place where operands are interpreted, so model and runtime cannot disagree on what an action
 * means: the runner resolves once and executes the step on both.
 */
public final class Resolver {
    /** Frames a program may push, the base frame included (keeps within the minimum stack of 64 words). */
    public static final int MAX_DEPTH = 6;
    /** Slots of the base frame pushed before a program starts. */
    public static final int BASE_SLOTS = 8;
    /** Of which raw slots (the last ones). */
    public static final int BASE_RAW_SLOTS = 2;
    /** Slots of the largest frame a program pushes. */
    public static final int MAX_FRAME_SLOTS = 8;

    /** Array lengths and capture counts are taken modulo this. */
    public static final int MAX_BODY = 4096;
    /** Closure code ids are taken modulo this (they must fit the header's type id). */
    public static final int MAX_CODE = 1 << 16;

    private final int maxGlobals;
    private final boolean pinning;
    private final int headerWords;

    /**
     * @param maxGlobals  how many global cells this mutator may hold registered at once
     * @param pinning     whether the collector supports pinning (else Pin and Unpin are skipped)
     * @param headerWords the runtime's object header words (raw addresses may point into headers)
     */
    public Resolver(int maxGlobals, boolean pinning, int headerWords) {
        this.maxGlobals = maxGlobals;
        this.pinning = pinning;
        this.headerWords = headerWords;
    }

    /**
     * The step {@code action} means now. A slot operand that receives a reference counts among the
     * innermost frame's reference slots, one that receives a raw word among its raw slots (skipped
     * when it has none), one that is only read or cleared among all its slots.
     */
    public Step resolve(Action action, ReferenceModel model) {
        int size = model.frameSize();
        int refs = model.referenceSlotCount();
        return switch (action) {
            case Action.AllocShaped(int shape, int slot) -> new Step.NewShaped(FixedShape.select(shape), mod(slot, refs));
            case Action.AllocRefArray(int length, int slot) -> new Step.NewRefArray(mod(length, MAX_BODY), mod(slot, refs));
            case Action.AllocRawArray(int length, int slot) -> new Step.NewRawArray(mod(length, MAX_BODY), mod(slot, refs));
            case Action.BoxLong(long value, int slot) -> new Step.NewBoxedLong(value, mod(slot, refs));
            case Action.BoxDouble(double value, int slot) -> new Step.NewBoxedDouble(value, mod(slot, refs));
            case Action.AllocClosure(int code, int captured, int source, int slot) ->
                    closure(model, mod(code, MAX_CODE), mod(captured, MAX_BODY), source, mod(slot, refs));
            case Action.WriteRef(int object, int field, int target) -> withObject(model, object,
                    ModelObject::hasReferenceWords, "no slot holds an object with reference fields",
                    (s, o) -> new Step.WriteField(s, o.referenceWord(mod(field, o.referenceWordCount())),
                            sourceOrNull(model, mod(target, size))));
            case Action.WriteRaw(int object, int field, long value) -> withObject(model, object,
                    ModelObject::hasWritableRawWords, "no slot holds an object with writable raw words",
                    (s, o) -> new Step.WriteRaw(s, o.rawWord(mod(field, o.rawWordCount())), value));
            case Action.WriteImmediate(int object, int field, int value) -> withObject(model, object,
                    ModelObject::hasReferenceWords, "no slot holds an object with reference fields",
                    (s, o) -> new Step.WriteImmediate(s, o.referenceWord(mod(field, o.referenceWordCount())), value));
            case Action.Load(int object, int field, int slot) -> withObject(model, object,
                    ModelObject::hasReferenceWords, "no slot holds an object with reference fields",
                    (s, o) -> new Step.Load(s, o.referenceWord(mod(field, o.referenceWordCount())), mod(slot, refs)));
            case Action.Copy(int from, int to) -> copy(model, mod(from, size), to);
            case Action.Clear(int slot) -> new Step.Clear(mod(slot, size));
            case Action.SetRaw(int slot, long value) -> model.rawSlotCount() == 0 ? noRawSlot()
                    : new Step.SetRaw(rawSlot(model, slot), value);
            case Action.PushFrame(int slots, int rawSlots) -> {
                if (model.depth() >= MAX_DEPTH) {
                    yield new Step.Skip("already " + MAX_DEPTH + " frames deep");
                }
                int n = 1 + mod(slots - 1, MAX_FRAME_SLOTS);
                yield new Step.PushFrame(n, mod(rawSlots, n));
            }
            case Action.PopFrame() -> model.depth() <= 1 ? new Step.Skip("only the base frame is left") : new Step.PopFrame();
            case Action.RegisterGlobal(int slot) -> model.globalCount() >= maxGlobals
                    ? new Step.Skip("already " + maxGlobals + " globals registered")
                    : new Step.RegisterGlobal(sourceOrNull(model, mod(slot, size)));
            case Action.StoreGlobal(int global, int slot) -> model.globalCount() == 0 ? noGlobal()
                    : new Step.StoreGlobal(mod(global, model.globalCount()), sourceOrNull(model, mod(slot, size)));
            case Action.UnregisterGlobal(int global) -> model.globalCount() == 0 ? noGlobal()
                    : new Step.UnregisterGlobal(mod(global, model.globalCount()));
            case Action.LoadGlobal(int global, int slot) -> model.globalCount() == 0 ? noGlobal()
                    : new Step.LoadGlobal(mod(global, model.globalCount()), mod(slot, refs));
            case Action.Collect() -> new Step.Collect();
            case Action.Poll() -> new Step.Poll();
            case Action.BackEdge() -> new Step.BackEdge();
            case Action.FunctionEntry() -> new Step.FunctionEntry();
            case Action.Step() -> new Step.CollectStep();
            case Action.SetRawAddress(int object, int offset, int form, int slot) -> model.rawSlotCount() == 0
                    ? noRawSlot()
                    : withObject(model, object, o -> true, "no slot holds an object", (s, o) -> new Step.SetRawAddress(s,
                            HeaderLayout.WORD_BYTES * (long) mod(offset, headerWords + o.length()),
                            mod(form, 2) == 1, rawSlot(model, slot)));
            case Action.Pin(int object) -> !pinning ? new Step.Skip("the collector cannot pin")
                    : withObject(model, object, o -> true, "no slot holds an object", (s, o) -> new Step.Pin(s));
            case Action.Unpin(int object) -> withObject(model, object, model::isPinned, "no slot holds a pinned object",
                    (s, o) -> new Step.Unpin(s));
            case Action.LostObjectPattern(int slot) -> refs < 3
                    ? new Step.Skip("the frame has fewer than 3 reference slots")
                    : lostObjectPattern(mod(slot, refs), mod(slot + 1, refs), mod(slot + 2, refs));
        };
    }

    /** A in {@code a}; {@code t} and {@code u} are scratch slots, cleared whenever a collector step may run. */
    private static Step lostObjectPattern(int a, int t, int u) {
        return new Step.Sequence("lost-object pattern", List.of(
                new Step.Collect(),                         // no cycle in progress: A, B, C start white
                new Step.NewShaped(FixedShape.PAIR, u),     // C
                new Step.NewShaped(FixedShape.PAIR, t),     // B
                new Step.WriteField(t, 0, u),               // B.f0 := C
                new Step.NewShaped(FixedShape.PAIR, a),     // A
                new Step.WriteField(a, 0, t),               // A.f0 := B
                new Step.Clear(t),
                new Step.Clear(u),                          // B and C are reachable only through A
                new Step.CollectStep(),                     // a cycle starts: A is a grey root
                new Step.StepUntilScanned(a, 0),            // A black, B grey, C white
                new Step.Load(a, 0, t),
                new Step.Load(t, 0, u),
                new Step.WriteField(a, 1, u),               // A.f1 := C: a black object refers to a white one
                new Step.WriteField(t, 0, -1),              // B.f0 := null: the only path from a grey object goes
                new Step.Clear(t),
                new Step.Clear(u),                          // no slot refers to C (roots are not rescanned anyway)
                new Step.StepUntilSwept(a)));
    }

    /** Copies slot {@code from} into the {@code to}-th slot (modulo) of the same kind, reference or raw. */
    private static Step copy(ReferenceModel model, int from, int to) {
        boolean reference = model.isReferenceSlot(from);
        int target = reference ? mod(to, model.referenceSlotCount()) : rawSlot(model, to);
        return new Step.Copy(from, target, reference);
    }

    /** The {@code k}-th raw slot (modulo) of the innermost frame; it must have one. */
    private static int rawSlot(ReferenceModel model, int k) {
        return model.referenceSlotCount() + mod(k, model.rawSlotCount());
    }

    private static Step noRawSlot() {
        return new Step.Skip("the frame has no raw slot");
    }

    private static Step closure(ReferenceModel model, int code, int captured, int source, int slot) {
        List<Integer> sources = new ArrayList<>(captured);
        for (int i = 0; i < captured; i++) {
            int s = mod(source + i, model.frameSize());
            // the destination slot holds the new closure by the time captures are read
            sources.add(model.isReferenceSlot(s) ? s : -1);
        }
        return new Step.NewClosure(code, sources, slot);
    }

    private interface ObjectStep {
        Step make(int slot, ModelObject object);
    }

    /** The {@code k}-th slot (modulo) of the innermost frame holding an object that passes {@code filter}. */
    private static Step withObject(ReferenceModel model, int k, Predicate<ModelObject> filter, String none,
                                   ObjectStep step) {
        List<Integer> candidates = new ArrayList<>();
        for (int s = 0; s < model.frameSize(); s++) {
            ModelObject o = model.slot(s).target();
            if (o != null && filter.test(o)) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            return new Step.Skip(none);
        }
        int slot = candidates.get(mod(k, candidates.size()));
        return step.make(slot, model.slot(slot).target());
    }

    /** The slot itself if it is a reference slot, else -1 (null). */
    private static int sourceOrNull(ReferenceModel model, int slot) {
        Value v = model.slot(slot);
        return v.isReference() ? slot : -1;
    }

    private static Step noGlobal() {
        return new Step.Skip("no global registered");
    }

    private static int mod(int operand, int size) {
        return Math.floorMod(operand, size);
    }
}
