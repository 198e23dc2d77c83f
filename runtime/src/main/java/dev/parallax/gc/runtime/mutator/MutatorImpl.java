package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.AllocationSemantics;
import dev.parallax.gc.api.collector.MutatorContext;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.runtime.handshake.CollectOutcome;
import dev.parallax.gc.runtime.handshake.MutatorState;
import dev.parallax.gc.runtime.handshake.PauseKind;
import dev.parallax.gc.runtime.mutator.MutatorChecks.SlotUse;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;

/**
 * The runtime's {@link dev.parallax.gc.api.Mutator}: an explicit stack, a TLAB, safepoint polls and
 * field access for one thread, written as the fast path compiled code would run.
 *
 * <h2>One class per runtime</h2>
 * Each runtime defines its own copy of this class as a hidden class ({@link MutatorClass}) whose
 * static final {@link #K} holds that runtime's {@link MutatorConstants}. Every hot method reads its
 * constants through {@link #k()}, which the JIT folds to {@code K}: the runtime's memory segment
 * becomes a constant (its base, size and liveness checks fold), {@code debug()} a constant branch
 * that removes every check in release mode, the tag scheme and barrier constant receivers that
 * inline. This class itself, never specialised, is the generic variant: there {@code K} is null and
 * the constants come from the instance field.
 *
 * <p>The class must stay self-contained for the copy to work: no nested or anonymous classes, no
 * lambdas, no enum switches, no string concatenation (cold code and messages live in
 * {@link MutatorChecks} and {@link AllocationSlowPath}).
 *
 * <h2>Stack</h2>
 * The stack is this mutator's region of the runtime's memory ({@code [stackBase, stackLimit)}), laid
 * out as {@link MutatorStackView} documents; {@code top} and {@code frame} are byte offsets in the
 * memory segment. The mutator is its own stack view: a collection reads its fields while it is
 * stopped (the handshake orders the accesses).
 *
 * <h2>Release and debug</h2>
 * Release mode validates nothing beyond memory safety (the segment's bounds), stack overflow and
 * underflow and negative lengths. Debug mode checks every call with {@link MutatorChecks}: the
 * owner thread, the handshake, object addresses, field and slot kinds, frame shapes, and fills the
 * reference slots of unzeroed frames with {@link FrameShape#NEVER_WRITTEN}.
 */
public final class MutatorImpl implements AttachedMutator, MutatorStackView {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final long SHAPED = ObjectKind.SHAPED.code();
    private static final long REF_ARRAY = ObjectKind.REF_ARRAY.code();
    private static final long RAW_ARRAY = ObjectKind.RAW_ARRAY.code();
    private static final long CLOSURE = ObjectKind.CLOSURE.code();
    private static final long BOXED_LONG = ObjectKind.BOXED_LONG.code() | (1L << HeaderLayout.LENGTH_SHIFT);
    private static final long BOXED_DOUBLE = ObjectKind.BOXED_DOUBLE.code() | (1L << HeaderLayout.LENGTH_SHIFT);
    private static final int ID_BLOCK = 1024;
    // safepoint sites, as timeout diagnostics name a mutator's last safepoint
    private static final String ALLOCATION_POLL = "an allocation poll";
    private static final String SLOW_PATH_POLL = "the allocation slow path's poll";
    private static final String BACK_EDGE_POLL = "a back-edge poll";
    private static final String FUNCTION_ENTRY_POLL = "a function-entry poll";
    private static final String EXPLICIT_POLL = "an explicit poll()";

    /** The runtime's constants in a specialised copy of this class; null in the generic class. */
    private static final MutatorConstants K = MutatorClass.classData(MethodHandles.lookup());

    private final MutatorConstants k;
    private final String name;
    private final MutatorState state;
    private final AllocationBuffer tlab;
    private final AllocationSlowPath slow;
    private final MutatorChecks checks;
    private final int stackIndex;
    private final MemorySegment stackWords;
    private final long stackBase;
    private final long stackLimit;
    private Thread owner;
    private long top;
    private long frame;
    private int depth;
    /** The innermost frame's shape; kept in debug mode only. */
    private FrameShape frameShape;
    private long allocationBits;
    // safepoint schedule: countdowns reach 0 at a poll
    private int allocationCountdown;
    private int backEdgeCountdown;
    private int functionEntryCountdown;
    private int stressCountdown;
    // ids [idNext, idLimit) are this mutator's to hand out
    private long idNext;
    private long idLimit;
    // plain counters, read racily by GcRuntime.stats()
    private long bytesAllocated;
    private long objectsAllocated;

    MutatorImpl(MutatorConstants k, String name, Thread owner, int stackIndex) {
        this.k = k;
        this.name = name;
        this.owner = owner;
        this.stackIndex = stackIndex;
        MutatorEnvironment env = k.env();
        long stackBytes = (long) env.config().stackWords() * HeaderLayout.WORD_BYTES;
        this.stackBase = env.objects().capacity() + stackIndex * stackBytes;
        this.stackLimit = stackBase + stackBytes;
        this.stackWords = k.memory().asSlice(stackBase, stackBytes);
        this.top = stackBase;
        this.frame = stackBase;
        MutatorContext context = env.collector().createMutatorContext(env.objects(), env.config().tlabBytes());
        this.tlab = context.buffer();
        this.state = new MutatorState(name, owner, this, context);
        this.slow = new AllocationSlowPath(name, env, state);
        this.checks = new MutatorChecks(name, env, state);
        this.allocationCountdown = k.allocationInterval();
        this.backEdgeCountdown = k.backEdgeInterval();
        this.functionEntryCountdown = k.functionEntryInterval();
        this.stressCountdown = k.stressInterval();
    }

    /** The constants: {@link #K} in a specialised copy (a JIT constant), else the instance's. */
    private MutatorConstants k() {
        MutatorConstants c = K;
        return c != null ? c : k;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MutatorState state() {
        return state;
    }

    @Override
    public MutatorStackView stack() {
        return this;
    }

    @Override
    public int stackIndex() {
        return stackIndex;
    }

    @Override
    public long bytesAllocated() {
        return bytesAllocated;
    }

    @Override
    public long objectsAllocated() {
        return objectsAllocated;
    }

    @Override
    public boolean isClosed() {
        return owner == null;
    }

    // ---- frames and slots -------------------------------------------------------------------------

    @Override
    public void pushFrame(FrameShape shape) {
        MutatorConstants k = k();
        if (k.debug()) {
            checks.enter(owner);
            checks.pushFrame(shape);
        }
        long header = top;
        long end = header + HeaderLayout.WORD_BYTES + ((long) shape.slots() << 3);
        if (end > stackLimit) {
            throw checks.overflow(shape, stackWords.byteSize() >>> 3);
        }
        MemorySegment memory = k.memory();
        memory.set(WORD, header, (((frame - stackBase) >>> 3) << 32) | shape.id());
        if (shape.zeroed()) {
            for (long slot = header + HeaderLayout.WORD_BYTES; slot < end; slot += HeaderLayout.WORD_BYTES) {
                memory.set(WORD, slot, 0L);
            }
        } else if (k.debug()) {
            markNeverWritten(memory, shape, header);
        }
        frame = header;
        top = end;
        depth++;
        if (k.debug()) {
            frameShape = shape;
        }
    }

    @Override
    public void pushFrame(int slots) {
        pushFrame(k().env().frames().references(slots));
    }

    /** Debug mode: the reference slots of an unzeroed frame hold a word the verifier recognises. */
    private static void markNeverWritten(MemorySegment memory, FrameShape shape, long header) {
        for (int slot = 0; slot < shape.slots(); slot++) {
            if (shape.isReference(slot)) {
                memory.set(WORD, header + HeaderLayout.WORD_BYTES + ((long) slot << 3), FrameShape.NEVER_WRITTEN);
            }
        }
    }

    @Override
    public void popFrame() {
        MutatorConstants k = k();
        if (k.debug()) {
            checks.enter(owner);
        }
        if (depth == 0) {
            throw checks.underflow();
        }
        long header = k.memory().get(WORD, frame);
        top = frame;
        frame = stackBase + ((header >>> 32) << 3);
        depth--;
        if (k.debug()) {
            frameShape = depth == 0 ? null : frameShape((frame - stackBase) >>> 3);
        }
    }

    @Override
    public int frameDepth() {
        if (k().debug()) {
            checks.enter(owner);
        }
        return depth;
    }

    /** The byte offset in memory of slot {@code slot} of the innermost frame. */
    private long slotOffset(int slot) {
        return frame + HeaderLayout.WORD_BYTES + ((long) slot << 3);
    }

    @Override
    public void setRef(int slot, long address) {
        MutatorConstants k = k();
        if (k.debug()) {
            checkSlot(slot, SlotUse.REFERENCE, "setRef");
            if (address != 0) {
                checks.slotTarget(frameShape, depth, slot, address);
            }
        }
        k.memory().set(WORD, slotOffset(slot), address == 0 ? 0L : k.tags().tagPointer(address));
    }

    @Override
    public long ref(int slot) {
        MutatorConstants k = k();
        if (k.debug()) {
            checkSlot(slot, SlotUse.REFERENCE, "ref");
            checks.refWord(frameShape, depth, slot, k.memory().get(WORD, slotOffset(slot)));
        }
        long word = k.memory().get(WORD, slotOffset(slot));
        return word == 0 ? 0L : k.tags().untag(word);
    }

    @Override
    public void setValue(int slot, long taggedWord) {
        MutatorConstants k = k();
        if (k.debug()) {
            checkSlot(slot, SlotUse.REFERENCE, "setValue");
            if (k.tags().isPointer(taggedWord)) {
                checks.slotTarget(frameShape, depth, slot, k.tags().untag(taggedWord));
            }
        }
        k.memory().set(WORD, slotOffset(slot), taggedWord);
    }

    @Override
    public void setRaw(int slot, long word) {
        MutatorConstants k = k();
        if (k.debug()) {
            checkSlot(slot, SlotUse.RAW, "setRaw");
        }
        k.memory().set(WORD, slotOffset(slot), word);
    }

    @Override
    public long slot(int slot) {
        MutatorConstants k = k();
        if (k.debug()) {
            checkSlot(slot, SlotUse.ANY, "slot");
        }
        return k.memory().get(WORD, slotOffset(slot));
    }

    @Override
    public void clear(int slot) {
        MutatorConstants k = k();
        if (k.debug()) {
            checkSlot(slot, SlotUse.ANY, "clear");
        }
        k.memory().set(WORD, slotOffset(slot), 0L);
    }

    private void checkSlot(int slot, SlotUse use, String op) {
        checks.enter(owner);
        checks.slot(frameShape, depth, slot, use, op);
    }

    // ---- allocation -------------------------------------------------------------------------------

    @Override
    public long allocate(Shape shape) {
        MutatorConstants k = k();
        if (k.debug()) {
            checks.enter(owner);
            checks.shape(shape);
        }
        int words = shape.words();
        return allocateCell(k, SHAPED | ((long) shape.id() << HeaderLayout.TYPE_SHIFT)
                | ((long) words << HeaderLayout.LENGTH_SHIFT), words);
    }

    @Override
    public long allocate(Shape shape, AllocationSemantics semantics) {
        MutatorConstants k = k();
        if (k.debug()) {
            checks.enter(owner);
            checks.shape(shape);
        }
        int words = shape.words();
        return allocateWith(k, semantics, SHAPED | ((long) shape.id() << HeaderLayout.TYPE_SHIFT)
                | ((long) words << HeaderLayout.LENGTH_SHIFT), words);
    }

    @Override
    public long allocateRefArray(int length, AllocationSemantics semantics) {
        MutatorConstants k = k();
        enterIfDebug(k);
        return allocateWith(k, semantics, REF_ARRAY | ((long) checks.length(length) << HeaderLayout.LENGTH_SHIFT),
                length);
    }

    @Override
    public long allocateRawArray(int length, AllocationSemantics semantics) {
        MutatorConstants k = k();
        enterIfDebug(k);
        return allocateWith(k, semantics, RAW_ARRAY | ((long) checks.length(length) << HeaderLayout.LENGTH_SHIFT),
                length);
    }

    /** An allocation with explicit semantics: always the slow path (the collector chooses the space). */
    private long allocateWith(MutatorConstants k, AllocationSemantics semantics, long status, long length) {
        long bytes = k.headerBytes() + (length << 3);
        long address = allocateSlow(bytes, semantics);
        return initializeCell(k, address, status, bytes);
    }

    @Override
    public long allocateRefArray(int length) {
        MutatorConstants k = k();
        enterIfDebug(k);
        return allocateCell(k, REF_ARRAY | ((long) checks.length(length) << HeaderLayout.LENGTH_SHIFT), length);
    }

    @Override
    public long allocateRawArray(int length) {
        MutatorConstants k = k();
        enterIfDebug(k);
        return allocateCell(k, RAW_ARRAY | ((long) checks.length(length) << HeaderLayout.LENGTH_SHIFT), length);
    }

    @Override
    public long allocateClosure(int codeId, int captured) {
        MutatorConstants k = k();
        enterIfDebug(k);
        return allocateCell(k, CLOSURE | ((long) checks.codeId(codeId) << HeaderLayout.TYPE_SHIFT)
                | ((long) checks.length(captured) << HeaderLayout.LENGTH_SHIFT), captured);
    }

    @Override
    public long boxLong(long value) {
        MutatorConstants k = k();
        enterIfDebug(k);
        long box = allocateCell(k, BOXED_LONG, 1);
        k.memory().set(WORD, box - k.heapBase() + k.headerBytes(), value);
        return box;
    }

    @Override
    public long boxDouble(double value) {
        MutatorConstants k = k();
        enterIfDebug(k);
        long box = allocateCell(k, BOXED_DOUBLE, 1);
        k.memory().set(WORD, box - k.heapBase() + k.headerBytes(), Double.doubleToRawLongBits(value));
        return box;
    }

    private void enterIfDebug(MutatorConstants k) {
        if (k.debug()) {
            checks.enter(owner);
        }
    }

    /**
     * The allocation path: the policy's poll, a TLAB bump (or the slow path) into zeroed memory, the
     * header. <i>Safepoint.</i> {@code length} is non-negative.
     */
    private long allocateCell(MutatorConstants k, long status, long length) {
        if (k.stressAllocation() && --stressCountdown == 0) {
            stressCollect();
        }
        int interval = k.allocationInterval();
        if (interval != 0 && (interval == 1 || --allocationCountdown == 0)) {
            allocationCountdown = interval;
            pollNow(k, ALLOCATION_POLL);
        }
        long bytes = k.headerBytes() + (length << 3);
        long address = tlab.tryBump(bytes);
        if (address == 0) {
            address = allocateSlow(bytes);
        }
        return initializeCell(k, address, status, bytes);
    }

    /** Writes a new object's header (its body is zero already) and counts it. */
    private long initializeCell(MutatorConstants k, long address, long status, long bytes) {
        long offset = address - k.heapBase();
        MemorySegment memory = k.memory();
        memory.set(WORD, offset, status | allocationBits);
        if (k.objectIds()) {
            memory.set(WORD, offset + HeaderLayout.WORD_BYTES, nextId());
        }
        bytesAllocated += bytes;
        objectsAllocated++;
        return address;
    }

    /** The TLAB had no room: poll (always, whatever the policy), then the slow path. */
    private long allocateSlow(long bytes) {
        return allocateSlow(bytes, AllocationSemantics.DEFAULT);
    }

    private long allocateSlow(long bytes, AllocationSemantics semantics) {
        pollNow(k(), SLOW_PATH_POLL);
        long address = slow.allocate(bytes, semantics);
        // pauses change the colour and retire every TLAB, so every colour change is seen here
        allocationBits = k().env().collector().allocationHeaderBits();
        return address;
    }

    private long nextId() {
        if (idNext == idLimit) {
            idNext = k().env().objectIds().getAndAdd(ID_BLOCK);
            idLimit = idNext + ID_BLOCK;
        }
        return idNext++;
    }

    // ---- fields -----------------------------------------------------------------------------------

    /** The byte offset in memory of body word {@code index} of {@code object}. */
    private static long fieldOffset(MutatorConstants k, long object, int index) {
        return object - k.heapBase() + k.headerBytes() + ((long) index << 3);
    }

    @Override
    public long readRef(long object, int index) {
        MutatorConstants k = k();
        long word;
        if (k.debug()) {
            word = readValue(object, index);
            checks.fieldRefWord(object, index, word);
        } else {
            word = k.memory().get(WORD, fieldOffset(k, object, index));
        }
        return word == 0 ? 0L : k.tags().untag(word);
    }

    @Override
    public void writeRef(long object, int index, long target) {
        MutatorConstants k = k();
        if (k.debug()) {
            checks.enter(owner);
            checks.referenceField(object, index, "writeRef");
            if (target != 0) {
                checks.fieldTarget(object, index, target);
            }
        }
        storeReference(k, object, index, target == 0 ? 0L : k.tags().tagPointer(target));
    }

    @Override
    public long readValue(long object, int index) {
        MutatorConstants k = k();
        if (k.debug()) {
            checks.enter(owner);
            checks.referenceField(object, index, "readValue");
        }
        return k.memory().get(WORD, fieldOffset(k, object, index));
    }

    @Override
    public void writeValue(long object, int index, long taggedWord) {
        MutatorConstants k = k();
        if (k.debug()) {
            checks.enter(owner);
            checks.referenceField(object, index, "writeValue");
            if (k.tags().isPointer(taggedWord)) {
                checks.fieldTarget(object, index, k.tags().untag(taggedWord));
            }
        }
        storeReference(k, object, index, taggedWord);
    }

    @Override
    public long readRaw(long object, int index) {
        MutatorConstants k = k();
        if (k.debug()) {
            checks.enter(owner);
            checks.rawField(object, index, "readRaw");
        }
        return k.memory().get(WORD, fieldOffset(k, object, index));
    }

    @Override
    public void writeRaw(long object, int index, long word) {
        MutatorConstants k = k();
        if (k.debug()) {
            checks.enter(owner);
            checks.rawField(object, index, "writeRaw");
        }
        k.memory().set(WORD, fieldOffset(k, object, index), word);
    }

    /** Stores a word in a reference field, through the write barrier if there is one. */
    private static void storeReference(MutatorConstants k, long object, int index, long word) {
        long offset = fieldOffset(k, object, index);
        WriteBarrier barrier = k.barrier();
        if (barrier != null) {
            barrier.onReferenceStore(object, index, k.memory().get(WORD, offset), word);
        }
        k.memory().set(WORD, offset, word);
    }

    // ---- object queries ---------------------------------------------------------------------------

    /** The status word: validated in debug mode, read as is in release mode. */
    private long status(long object, String op) {
        MutatorConstants k = k();
        if (k.debug()) {
            checks.enter(owner);
            return checks.status(object, op, true);
        }
        return k.memory().get(WORD, object - k.heapBase());
    }

    @Override
    public int length(long object) {
        return (int) HeaderLayout.length(status(object, "length"));
    }

    @Override
    public ObjectKind kind(long object) {
        return ObjectKind.ofCode(HeaderLayout.kindCode(status(object, "kind")));
    }

    @Override
    public long objectId(long object) {
        status(object, "objectId");
        return k().env().objects().objectId(object);
    }

    @Override
    public Shape shape(long object) {
        MutatorConstants k = k();
        long status = k.debug() ? checkedKind(object, ObjectKind.SHAPED, "shape") : status(object, "shape");
        return k.env().objects().shapes().byId(HeaderLayout.typeId(status));
    }

    @Override
    public int codeId(long object) {
        MutatorConstants k = k();
        long status = k.debug() ? checkedKind(object, ObjectKind.CLOSURE, "codeId") : status(object, "codeId");
        return HeaderLayout.typeId(status);
    }

    @Override
    public long unboxLong(long object) {
        MutatorConstants k = k();
        if (k.debug()) {
            checkedKind(object, ObjectKind.BOXED_LONG, "unboxLong");
        }
        return k.memory().get(WORD, fieldOffset(k, object, 0));
    }

    @Override
    public double unboxDouble(long object) {
        MutatorConstants k = k();
        if (k.debug()) {
            checkedKind(object, ObjectKind.BOXED_DOUBLE, "unboxDouble");
        }
        return Double.longBitsToDouble(k.memory().get(WORD, fieldOffset(k, object, 0)));
    }

    private long checkedKind(long object, ObjectKind expected, String op) {
        checks.enter(owner);
        return checks.kind(object, expected, op, true);
    }

    // ---- pinning ----------------------------------------------------------------------------------

    @Override
    public void pin(long object) {
        MutatorConstants k = k();
        checkPinnable(k, object, "pin");
        k.env().pins().pin(object);
    }

    @Override
    public void unpin(long object) {
        MutatorConstants k = k();
        checkPinnable(k, object, "unpin");
        k.env().pins().unpin(object);
    }

    private void checkPinnable(MutatorConstants k, long object, String op) {
        if (k.debug()) {
            checks.enter(owner);
        }
        checks.pinnable(object, op, k.env().collector().constraints().supportsPinning(), k.debug());
    }

    // ---- safepoints -------------------------------------------------------------------------------

    @Override
    public void poll() {
        MutatorConstants k = k();
        enterIfDebug(k);
        pollNow(k, EXPLICIT_POLL);
    }

    @Override
    public void backEdge() {
        MutatorConstants k = k();
        enterIfDebug(k);
        int interval = k.backEdgeInterval();
        if (interval != 0 && (interval == 1 || --backEdgeCountdown == 0)) {
            backEdgeCountdown = interval;
            pollNow(k, BACK_EDGE_POLL);
        }
    }

    @Override
    public void functionEntry() {
        MutatorConstants k = k();
        enterIfDebug(k);
        int interval = k.functionEntryInterval();
        if (interval != 0 && (interval == 1 || --functionEntryCountdown == 0)) {
            functionEntryCountdown = interval;
            pollNow(k, FUNCTION_ENTRY_POLL);
        }
    }

    /**
     * A poll that the policy makes: park if a stop is requested (one volatile read); count it for POLL
     * stress. {@code site} names the kind of poll for diagnostics: recorded at every poll in debug mode,
     * only when parking in release mode (where a poll stays one volatile read).
     */
    private void pollNow(MutatorConstants k, String site) {
        if (k.debug()) {
            state.polledAt(site);
        }
        if (k.coordinator().stopRequested()) {
            k.coordinator().park(state, site);
        }
        if (k.stressPoll() && --stressCountdown == 0) {
            stressCollect();
        }
    }

    private void stressCollect() {
        stressCountdown = k().stressInterval();
        k().coordinator().collect(state, "stress", k().stressKind());
    }

    @Override
    public void collect() {
        checks.owner(owner);
        enterIfDebug(k());
        checks.requireRunning("collect");
        CollectOutcome outcome;
        do {
            outcome = k().coordinator().collect(state, "requested", PauseKind.FULL);
            // a pause joined for another reason (an incremental step, a minor collection) need not be a full one
        } while (outcome == CollectOutcome.JOINED_INCREMENT || outcome == CollectOutcome.JOINED_OTHER);
    }

    /** One {@link PauseKind#INCREMENT} pause; joining another thread's pause counts as the step. */
    @Override
    public void collectStep() {
        checks.owner(owner);
        enterIfDebug(k());
        checks.requireRunning("collectStep");
        k().coordinator().collect(state, "step", PauseKind.INCREMENT);
    }

    @Override
    public void runBlocked(Runnable action) {
        checks.owner(owner);
        enterIfDebug(k());
        checks.requireRunning("runBlocked");
        k().coordinator().block(state);
        try {
            action.run();
        } finally {
            k().coordinator().unblock(state);
        }
    }

    /** Retires the TLAB, detaches (after any collection in progress) and gives the stack back. Idempotent. */
    @Override
    public void close() {
        if (owner == null) {
            return;
        }
        checks.owner(owner);
        state.context().close();
        k().coordinator().detach(state);
        owner = null;
        k().env().onClose().accept(this);
    }

    // ---- MutatorStackView -------------------------------------------------------------------------

    @Override
    public String mutatorName() {
        return name;
    }

    @Override
    public MemorySegment words() {
        return stackWords;
    }

    @Override
    public long topWord() {
        return (top - stackBase) >>> 3;
    }

    @Override
    public FrameShape frameShape(long headerWord) {
        return k().env().frames().byId(frameShapeId(headerWord));
    }

    @Override
    public String toString() {
        return checks.describe();
    }
}
