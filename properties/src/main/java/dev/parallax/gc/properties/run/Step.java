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

    record PushFrame(int slots) implements Step {
        public String describe() {
            return "push frame of " + slots + " slots";
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
