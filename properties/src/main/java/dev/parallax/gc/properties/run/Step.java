package dev.parallax.gc.properties.run;

import dev.parallax.gc.properties.model.FixedShape;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An {@link dev.parallax.gc.properties.program.Action action} resolved against the current state:
 * concrete slot numbers of the innermost frame, body word indices, global indices. Both the model
 * and the runtime execute the same step, which keeps them in lock-step. A {@code source} slot of
 * -1 stands for null (the action named a slot that is not a reference slot).
 */
public sealed interface Step {

    /** The most collector steps a StepUntil... step takes (marking scans one object per step at least). */
    int MAX_STEPS = 1000;

    /** Short text for traces: {@code s2 := new Pair}, {@code s1.f0 := s3}. */
    String describe();

    /** Steps that allocate one object into {@link #slot()}. */
    sealed interface Allocation extends Step {
        int slot();
    }

    record NewShaped(FixedShape shape, int slot) implements Allocation {
        public String describe() {
            return "s" + slot + " := new " + shape.shapeName();
        }
    }

    record NewRefArray(int length, int slot) implements Allocation {
        public String describe() {
            return "s" + slot + " := new ref[" + length + "]";
        }
    }

    record NewRawArray(int length, int slot) implements Allocation {
        public String describe() {
            return "s" + slot + " := new raw[" + length + "]";
        }
    }

    record NewBoxedLong(long value, int slot) implements Allocation {
        public String describe() {
            return "s" + slot + " := box " + value + "L";
        }
    }

    record NewBoxedDouble(double value, int slot) implements Allocation {
        public String describe() {
            return "s" + slot + " := box " + value;
        }
    }

    /** Allocates into {@code slot}, then captures value i from slot {@code sources.get(i)} (-1: null). */
    record NewClosure(int code, List<Integer> sources, int slot) implements Allocation {
        public NewClosure {
            sources = List.copyOf(sources);
        }

        public String describe() {
            return "s" + slot + " := closure " + code + " capturing ("
                    + sources.stream().map(Step::source).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** Reference field {@code field} of the object in {@code objectSlot} := value of {@code source}. */
    record WriteField(int objectSlot, int field, int source) implements Step {
        public String describe() {
            return "s" + objectSlot + ".f" + field + " := " + Step.source(source);
        }
    }

    record WriteRaw(int objectSlot, int field, long value) implements Step {
        public String describe() {
            return "s" + objectSlot + ".f" + field + " := raw " + value;
        }
    }

    record WriteImmediate(int objectSlot, int field, long value) implements Step {
        public String describe() {
            return "s" + objectSlot + ".f" + field + " := int " + value;
        }
    }

    record Load(int objectSlot, int field, int slot) implements Step {
        public String describe() {
            return "s" + slot + " := s" + objectSlot + ".f" + field;
        }
    }

    /** Copies a slot; {@code reference} says whether it is a reference slot (setValue) or raw (setRaw). */
    record Copy(int from, int to, boolean reference) implements Step {
        public String describe() {
            return "s" + to + " := s" + from + (reference ? "" : " (raw)");
        }
    }

    record Clear(int slot) implements Step {
        public String describe() {
            return "clear s" + slot;
        }
    }

    record SetRaw(int slot, long value) implements Step {
        public String describe() {
            return "s" + slot + " := raw " + value;
        }
    }

    /** Pushes a zeroed frame of {@code slots} slots whose last {@code rawSlots} are raw, the others reference slots. */
    record PushFrame(int slots, int rawSlots) implements Step {
        public String describe() {
            return "push frame of " + slots + " slots (" + rawSlots + " raw)";
        }
    }

    record PopFrame() implements Step {
        public String describe() {
            return "pop frame";
        }
    }

    /** Registers a new global cell (appended to this mutator's list) holding the value of {@code source}. */
    record RegisterGlobal(int source) implements Step {
        public String describe() {
            return "register global := " + Step.source(source);
        }
    }

    record StoreGlobal(int global, int source) implements Step {
        public String describe() {
            return "g" + global + " := " + Step.source(source);
        }
    }

    record UnregisterGlobal(int global) implements Step {
        public String describe() {
            return "unregister g" + global;
        }
    }

    record LoadGlobal(int global, int slot) implements Step {
        public String describe() {
            return "s" + slot + " := g" + global;
        }
    }

    record Collect() implements Step {
        public String describe() {
            return "collect";
        }
    }

    record Poll() implements Step {
        public String describe() {
            return "poll";
        }
    }

    record BackEdge() implements Step {
        public String describe() {
            return "back-edge";
        }
    }

    record FunctionEntry() implements Step {
        public String describe() {
            return "function entry";
        }
    }

    /** {@code Mutator.collectStep()}: an increment of an incremental collector, else a full collection. */
    record CollectStep() implements Step {
        public String describe() {
            return "step";
        }
    }

    /**
     * {@code slot} := raw word naming the object in {@code objectSlot} at {@code offsetBytes} from its
     * start, tagged as a pointer or not. The word depends on the runtime's addresses: the runtime
     * executor reports it as the {@link SetRaw} the model applies.
     */
    record SetRawAddress(int objectSlot, long offsetBytes, boolean tagged, int slot) implements Step {
        public String describe() {
            return "s" + slot + " := raw " + (tagged ? "tagged " : "") + "&s" + objectSlot
                    + (offsetBytes == 0 ? "" : " + " + offsetBytes);
        }
    }

    record Pin(int objectSlot) implements Step {
        public String describe() {
            return "pin s" + objectSlot;
        }
    }

    record Unpin(int objectSlot) implements Step {
        public String describe() {
            return "unpin s" + objectSlot;
        }
    }

    /**
     * Collector steps until the object in {@code objectSlot} has been scanned: until the target of its
     * reference field {@code field} is marked. Stops at once when the object itself is not marked
     * after a step (no incremental cycle is marking), and after {@link #MAX_STEPS} steps.
     */
    record StepUntilScanned(int objectSlot, int field) implements Step {
        public String describe() {
            return "step until s" + objectSlot + " is scanned";
        }
    }

    /** Collector steps until the object in {@code objectSlot} is unmarked (swept); at least one, at most {@link #MAX_STEPS}. */
    record StepUntilSwept(int objectSlot) implements Step {
        public String describe() {
            return "step until s" + objectSlot + " is swept";
        }
    }

    /** A compound action's steps, executed and checked one by one. */
    record Sequence(String name, List<Step> steps) implements Step {
        public Sequence {
            steps = List.copyOf(steps);
        }

        public String describe() {
            return name + ": " + steps.stream().map(Step::describe).collect(Collectors.joining("; "));
        }
    }

    /** The action had nothing to act on in this state. */
    record Skip(String why) implements Step {
        public String describe() {
            return "skipped: " + why;
        }
    }

    private static String source(int slot) {
        return slot < 0 ? "null" : "s" + slot;
    }
}
