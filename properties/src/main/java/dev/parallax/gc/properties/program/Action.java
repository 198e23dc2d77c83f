package dev.parallax.gc.properties.program;

/**
 * One step of a mutator program, with <i>abstract</i> operands: small integers that are resolved
 * modulo the state when the action runs ("slot 9" in a 4-slot frame is slot 1; "object 2" is the
 * third slot of the innermost frame holding a suitable object). Any sequence of actions is therefore
 * executable, and removing or changing an action never makes the rest meaningless, which is what
 * lets failing programs shrink. An action that has nothing to act on (no object, no global) is
 * skipped. Resolution is done once, against the reference model, for both the model and the runtime.
 *
 * <p>Slots are always slots of the innermost frame. Operands may be any int (negative ones are
 * taken modulo as well).
 */
public sealed interface Action {

    /** The same action with every operand 0: the simplest instance of its kind, for shrinking. */
    Action simplest();

    /** Allocates a SHAPED object of fixed shape {@code shape} (Pair, Node, Leaf) into {@code slot}. */
    record AllocShaped(int shape, int slot) implements Action {
        public Action simplest() {
            return new AllocShaped(0, 0);
        }
    }

    /** Allocates a reference array of {@code length} nulls into {@code slot}. */
    record AllocRefArray(int length, int slot) implements Action {
        public Action simplest() {
            return new AllocRefArray(0, 0);
        }
    }

    /** Allocates a raw array of {@code length} zero words into {@code slot}. */
    record AllocRawArray(int length, int slot) implements Action {
        public Action simplest() {
            return new AllocRawArray(0, 0);
        }
    }

    /** Boxes {@code value} into {@code slot}. */
    record BoxLong(long value, int slot) implements Action {
        public Action simplest() {
            return new BoxLong(0, 0);
        }
    }

    /** Boxes {@code value} into {@code slot}. */
    record BoxDouble(double value, int slot) implements Action {
        public Action simplest() {
            return new BoxDouble(0, 0);
        }
    }

    /**
     * Allocates a closure of code {@code code} with {@code captured} values into {@code slot}, then
     * captures, for each i, the value of slot {@code source + i} (null if it is not a reference slot;
     * the new closure itself if it is {@code slot}).
     */
    record AllocClosure(int code, int captured, int source, int slot) implements Action {
        public Action simplest() {
            return new AllocClosure(0, 0, 0, 0);
        }
    }

    /**
     * Writes into reference field {@code field} of {@code object} (an object with reference fields)
     * the value of slot {@code target}: its reference or immediate, or null for a non-reference slot.
     */
    record WriteRef(int object, int field, int target) implements Action {
        public Action simplest() {
            return new WriteRef(0, 0, 0);
        }
    }

    /** Writes raw {@code value} into raw word {@code field} of {@code object} (a Node, Leaf or raw array). */
    record WriteRaw(int object, int field, long value) implements Action {
        public Action simplest() {
            return new WriteRaw(0, 0, 0);
        }
    }

    /** Writes the immediate small integer {@code value} into reference field {@code field} of {@code object}. */
    record WriteImmediate(int object, int field, int value) implements Action {
        public Action simplest() {
            return new WriteImmediate(0, 0, 0);
        }
    }

    /** Loads reference field {@code field} of {@code object} into {@code slot}. */
    record Load(int object, int field, int slot) implements Action {
        public Action simplest() {
            return new Load(0, 0, 0);
        }
    }

    /** Copies slot {@code from} into slot {@code to}, keeping whether it is a reference slot. */
    record Copy(int from, int to) implements Action {
        public Action simplest() {
            return new Copy(0, 0);
        }
    }

    /** Clears {@code slot}: zero, non-reference. */
    record Clear(int slot) implements Action {
        public Action simplest() {
            return new Clear(0);
        }
    }

    /** Stores the raw word {@code value} into {@code slot} with {@code setRaw}: never traced. */
    record SetRaw(int slot, long value) implements Action {
        public Action simplest() {
            return new SetRaw(0, 0);
        }
    }

    /** Pushes a frame of {@code slots} slots (at least one); skipped at the maximum depth. */
    record PushFrame(int slots) implements Action {
        public Action simplest() {
            return new PushFrame(1);
        }
    }

    /** Pops the innermost frame; the base frame is never popped. */
    record PopFrame() implements Action {
        public Action simplest() {
            return this;
        }
    }

    /** Registers a new global cell holding the value of {@code slot}; skipped when the quota is used. */
    record RegisterGlobal(int slot) implements Action {
        public Action simplest() {
            return new RegisterGlobal(0);
        }
    }

    /** Stores the value of {@code slot} into registered global {@code global}. */
    record StoreGlobal(int global, int slot) implements Action {
        public Action simplest() {
            return new StoreGlobal(0, 0);
        }
    }

    /** Unregisters global {@code global}. */
    record UnregisterGlobal(int global) implements Action {
        public Action simplest() {
            return new UnregisterGlobal(0);
        }
    }

    /** Loads global {@code global} into {@code slot}. */
    record LoadGlobal(int global, int slot) implements Action {
        public Action simplest() {
            return new LoadGlobal(0, 0);
        }
    }

    /** Runs a full collection from the mutator. */
    record Collect() implements Action {
        public Action simplest() {
            return this;
        }
    }

    /** Polls for a pending stop-the-world request. */
    record Poll() implements Action {
        public Action simplest() {
            return this;
        }
    }
}
