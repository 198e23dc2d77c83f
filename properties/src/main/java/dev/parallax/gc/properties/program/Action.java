package dev.parallax.gc.properties.program;

/**
 * One step of a mutator program, with <i>abstract</i> operands: small integers that are resolved
 * modulo the state when the action runs ("slot 9" in a 4-slot frame is slot 1; "object 2" is the
 * third slot of the innermost frame holding a suitable object). Any sequence of actions is therefore
 * executable, and removing or changing an action never makes the rest meaningless, which is what
 * lets failing programs shrink. An action that has nothing to act on (no object, no global) is
 * skipped. Resolution is done once, against the reference model, for both the model and the runtime.
 *
 * <p>Slots are always slots of the innermost frame, whose layout (which slots are references and
 * which raw) was fixed when it was pushed: a slot operand that receives a reference (an allocation,
 * a load) counts among the reference slots, one that receives a raw word ({@code SetRaw},
 * {@code SetRawAddress}) among the raw slots. Operands may be any int (negative ones are taken
 * modulo as well).
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

    /**
     * Pushes a frame of {@code slots} slots (at least one), the last {@code rawSlots} of them raw
     * (modulo: at least one reference slot remains); skipped at the maximum depth.
     */
    record PushFrame(int slots, int rawSlots) implements Action {
        public Action simplest() {
            return new PushFrame(1, 0);
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

    /** Declares a loop back-edge ({@code Mutator.backEdge()}): a poll if the safepoint policy says so. */
    record BackEdge() implements Action {
        public Action simplest() {
            return this;
        }
    }

    /** Declares a function entry ({@code Mutator.functionEntry()}): a poll if the safepoint policy says so. */
    record FunctionEntry() implements Action {
        public Action simplest() {
            return this;
        }
    }

    /**
     * One step of the collector ({@code Mutator.collectStep()}): one increment of an incremental
     * collector, a full collection for a stop-the-world one.
     */
    record Step() implements Action {
        public Action simplest() {
            return this;
        }
    }

    /**
     * Stores into {@code slot}, with {@code setRaw}, a word naming {@code object} (an object in a slot):
     * its address plus {@code 8 * offset} (offset taken modulo the object's size in words, so 0 is its
     * start and the rest are interior addresses), as the raw address ({@code form} even) or as the
     * tag scheme's pointer word ({@code form} odd). Precise roots never trace it; conservative roots
     * must keep the object alive and in place while the word is on the stack.
     */
    record SetRawAddress(int object, int offset, int form, int slot) implements Action {
        public Action simplest() {
            return new SetRawAddress(0, 0, 0, 0);
        }
    }

    /** Pins {@code object} (an object in a slot): it must not move until unpinned. Does not keep it alive. */
    record Pin(int object) implements Action {
        public Action simplest() {
            return new Pin(0);
        }
    }

    /** Unpins {@code object} (a pinned object in a slot). */
    record Unpin(int object) implements Action {
        public Action simplest() {
            return new Unpin(0);
        }
    }

    /**
     * The classic lost-object pattern of incremental marking, using slots {@code slot}, {@code slot+1}
     * and {@code slot+2} (modulo; skipped in a frame of fewer than 3 slots): after a full collection,
     * build A (a Pair in {@code slot}) -> B -> C with B and C held only through A; step the collector
     * until A is scanned (its child B is marked); then store C into A, delete B's reference to C
     * (the store a snapshot-at-the-beginning barrier must log) and step until A is swept. Without a
     * barrier C is never marked and is reclaimed while A still refers to it. Needs
     * {@code incremental.budget=1} (one object scanned per step) to open the window.
     */
    record LostObjectPattern(int slot) implements Action {
        public Action simplest() {
            return new LostObjectPattern(0);
        }
    }
}
