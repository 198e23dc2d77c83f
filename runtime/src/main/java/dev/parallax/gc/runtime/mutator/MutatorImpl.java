package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.HeapExhaustedException;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.runtime.handshake.CollectOutcome;
import dev.parallax.gc.runtime.handshake.MutatorState;
import dev.parallax.gc.runtime.handshake.MutatorStatus;
import dev.parallax.gc.runtime.handshake.PauseKind;
import dev.parallax.gc.runtime.handshake.SafepointCoordinator;
import dev.parallax.gc.runtime.heap.FreeSpace;
import dev.parallax.gc.runtime.jfr.JfrEvents;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runtime's {@link Mutator}: an explicit stack, a TLAB, safepoint polls and validated field
 * access for one thread. See the api interface for the contract; this class adds:
 * <ul>
 *   <li>every call checks the owner thread (a closed mutator has no owner);</li>
 *   <li>in debug mode every call checks the mutator is RUNNING and no collection runs, counting and
 *       throwing a violation otherwise, and object addresses are fully validated
 *       ({@link ObjectModel#whyNotObject}); outside debug mode they get a cheap range, alignment and
 *       kind check;</li>
 *   <li>allocation bumps the TLAB (zeroed in bulk when refilled, so a new object only needs its
 *       header) and polls per the cached policy; the slow path always polls,
 *       refills, collects once on failure and then throws {@link HeapExhaustedException} (also a JFR
 *       {@code dev.parallax.gc.AllocationFailure} event, see {@link JfrEvents}).</li>
 * </ul>
 */
public final class MutatorImpl implements Mutator {
    /** Object ids are taken from the runtime's counter this many at a time. */
    static final int ID_BLOCK = 1024;
    /** Up to this many bytes are zeroed word by word; more by bulk copies from {@link #ZEROS}. */
    private static final long ZERO_LOOP_BYTES = 128;
    private static final long ZERO_CHUNK_BYTES = 4096;
    /** Zeroed memory that lives as long as the JVM: the source of bulk zeroing (no slice per allocation). */
    private static final MemorySegment ZEROS = Arena.global().allocate(ZERO_CHUNK_BYTES, 8);
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;
    /** Bit c set when kind code c is an allocated object: the fast path's kind check in one shift. */
    private static final int OBJECT_CODES = objectCodes();

    private final String name;
    private final MutatorEnvironment env;
    private final ObjectModel objects;
    private final MemorySegment heap;
    private final long heapBase;
    private final long heapBytes;
    private final ShapeTable shapes;
    private final TagScheme tags;
    private final Collector collector;
    private final WriteBarrier barrier;
    private final AllocationBits allocationBits;
    private final SafepointCoordinator coordinator;
    private final boolean debug;
    private final boolean canPin;
    private final long tlabBytes;
    private final long largeObjectBytes;
    private final ExplicitStack stack;
    private final AllocationBuffer tlab = new AllocationBuffer();
    private final MutatorState state;
    private final AtomicLong objectIds;

    private Thread owner;
    // safepoint schedule: an interval of 0 never polls; countdowns reach 0 at a poll
    private final int allocationInterval;
    private final int backEdgeInterval;
    private final int functionEntryInterval;
    private int allocationCountdown;
    private int backEdgeCountdown;
    private int functionEntryCountdown;
    // stress: collect when the countdown of allocations or polls reaches 0
    private final boolean stressAllocation;
    private final boolean stressPoll;
    private final int stressInterval;
    private int stressCountdown;
    // ids [idNext, idLimit) are this mutator's to hand out
    private long idNext;
    private long idLimit;
    // the allocation retried inside an allocation-failure pause: request, result, heap account on failure
    private final Runnable retryInPause = this::retryInPause;
    private long retryBytes;
    private long retryAddress;
    private HeapUsage retryUsage;
    // plain counters, read racily by GcRuntime.stats()
    private long bytesAllocated;
    private long objectsAllocated;

    public MutatorImpl(String name, Thread owner, MutatorEnvironment env) {
        this.name = name;
        this.owner = owner;
        this.env = env;
        this.objects = env.objects();
        this.heap = objects.heap();
        this.heapBase = objects.base();
        this.heapBytes = objects.limit() - objects.base();
        this.shapes = objects.shapes();
        this.tags = env.tags();
        this.collector = env.collector();
        this.barrier = env.barrier();
        this.allocationBits = env.allocationBits();
        this.coordinator = env.coordinator();
        this.debug = env.config().debug();
        this.canPin = collector.constraints().supportsPinning();
        this.tlabBytes = env.config().tlabBytes();
        this.largeObjectBytes = tlabBytes / 2;
        this.objectIds = env.objectIds();
        this.allocationInterval = env.polls().allocationInterval();
        this.backEdgeInterval = env.polls().backEdgeInterval();
        this.functionEntryInterval = env.polls().functionEntryInterval();
        this.allocationCountdown = allocationInterval;
        this.backEdgeCountdown = backEdgeInterval;
        this.functionEntryCountdown = functionEntryInterval;
        this.stressAllocation = env.config().stress() == StressMode.ALLOCATION;
        this.stressPoll = env.config().stress() == StressMode.POLL;
        this.stressInterval = env.config().stressInterval();
        this.stressCountdown = stressInterval;
        this.stack = new ExplicitStack(name, env.config().stackWords());
        this.state = new MutatorState(name, owner, stack, tlab);
    }

    /** The handshake's view of this mutator. */
    public MutatorState state() {
        return state;
    }

    /** The explicit stack (a root); for tests and tools. */
    public ExplicitStack stack() {
        return stack;
    }

    public long bytesAllocated() {
        return bytesAllocated;
    }

    public long objectsAllocated() {
        return objectsAllocated;
    }

    public boolean isClosed() {
        return owner == null;
    }

    @Override
    public String name() {
        return name;
    }

    // ---- thread and handshake checks --------------------------------------------------------------

    /** Every call starts here: owner thread, and in debug mode the concurrency property. */
    private void enter() {
        if (Thread.currentThread() != owner) {
            throw notOwner();
        }
        if (debug) {
            checkMayTouchHeap();
        }
    }

    private IllegalStateException notOwner() {
        if (owner == null) {
            return new IllegalStateException("mutator '" + name + "' is closed");
        }
        return new IllegalStateException("mutator '" + name + "' belongs to thread '" + owner.getName()
                + "'; it was called from thread '" + Thread.currentThread().getName() + "'");
    }

    private void checkMayTouchHeap() {
        MutatorStatus status = state.status();
        if (status != MutatorStatus.RUNNING || coordinator.collectionRunning()) {
            coordinator.recordViolation();
            throw new IllegalStateException("mutator '" + name + "' touched the heap during collection #"
                    + coordinator.latestCollection() + " (mutator status " + status + ", collection "
                    + (coordinator.collectionRunning() ? "running" : "not running") + ")");
        }
    }

    // ---- frames and slots -------------------------------------------------------------------------

    @Override
    public void pushFrame(int slots) {
        enter();
        stack.pushFrame(slots);
    }

    @Override
    public void popFrame() {
        enter();
        stack.popFrame();
    }

    @Override
    public int frameDepth() {
        enter();
        return stack.depth();
    }

    @Override
    public void setRef(int slot, long address) {
        enter();
        if (address != 0) {
            checkSlotTarget(slot, address);
        }
        stack.store(slot, address == 0 ? 0 : tags.tagPointer(address), true);
    }

    @Override
    public long ref(int slot) {
        enter();
        long word = stack.load(slot);
        if (word == 0) {
            return 0;
        }
        if (!tags.isPointer(word)) {
            throw new IllegalStateException(String.format("mutator '%s': %s holds %s word 0x%x, not a pointer",
                    name, stack.nameSlot(slot), tags.kindOf(word), word));
        }
        return tags.untag(word);
    }

    @Override
    public void setValue(int slot, long taggedWord) {
        enter();
        if (tags.isPointer(taggedWord)) {
            checkSlotTarget(slot, tags.untag(taggedWord));
        }
        stack.store(slot, taggedWord, true);
    }

    @Override
    public void setRaw(int slot, long word) {
        enter();
        stack.store(slot, word, false);
    }

    @Override
    public long slot(int slot) {
        enter();
        return stack.load(slot);
    }

    @Override
    public void clear(int slot) {
        enter();
        stack.store(slot, 0, false);
    }

    // ---- allocation -------------------------------------------------------------------------------

    @Override
    public long allocate(Shape shape) {
        if (shapes.byId(shape.id()) != shape && !shape.equals(shapes.byId(shape.id()))) {
            throw new IllegalArgumentException("mutator '" + name + "': " + shape
                    + " is not defined in this runtime's shape table");
        }
        return allocateCell(ObjectKind.SHAPED, shape.id(), shape.words());
    }

    @Override
    public long allocateRefArray(int length) {
        return allocateCell(ObjectKind.REF_ARRAY, 0, checkLength(length));
    }

    @Override
    public long allocateRawArray(int length) {
        return allocateCell(ObjectKind.RAW_ARRAY, 0, checkLength(length));
    }

    @Override
    public long allocateClosure(int codeId, int captured) {
        if (codeId < 0 || codeId > HeaderLayout.MAX_TYPE_ID) {
            throw new IllegalArgumentException("mutator '" + name + "': code id " + codeId + " is outside 0.."
                    + HeaderLayout.MAX_TYPE_ID);
        }
        return allocateCell(ObjectKind.CLOSURE, codeId, checkLength(captured));
    }

    @Override
    public long boxLong(long value) {
        long box = allocateCell(ObjectKind.BOXED_LONG, 0, 1);
        objects.setField(box, 0, value);
        return box;
    }

    @Override
    public long boxDouble(double value) {
        long box = allocateCell(ObjectKind.BOXED_DOUBLE, 0, 1);
        objects.setField(box, 0, Double.doubleToRawLongBits(value));
        return box;
    }

    private int checkLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("mutator '" + name + "': negative length " + length);
        }
        return length;
    }

    /** The allocation path: safepoint, TLAB bump (or slow path) into zeroed memory, header. */
    private long allocateCell(ObjectKind kind, int typeId, int length) {
        enter();
        allocationSafepoint();
        long bytes = HeaderLayout.objectBytes(length);
        long address = tlab.tryBump(bytes);
        if (address == 0) {
            address = allocateSlow(bytes);
        }
        long offset = address - heapBase;
        heap.set(WORD, offset, HeaderLayout.statusWord(kind, typeId, length) | allocationBits.current());
        heap.set(WORD, offset + HeaderLayout.WORD_BYTES, nextId());   // the body is already zero
        bytesAllocated += bytes;
        objectsAllocated++;
        return address;
    }

    /** Stress collections and the policy's allocation poll, before the bump. */
    private void allocationSafepoint() {
        if (stressAllocation && --stressCountdown == 0) {
            stressCountdown = stressInterval;
            coordinator.collect(state, "stress", PauseKind.FULL);
        }
        if (allocationInterval != 0 && --allocationCountdown == 0) {
            allocationCountdown = allocationInterval;
            pollNow();
        }
    }

    /**
     * Polls, runs an incremental step if the collector wants one, then allocates outside the TLAB.
     * On failure, runs a full collection and retries inside its pause, so that other mutators cannot
     * take the space it freed; if even that fails, the heap is exhausted. (The step comes before the
     * refill: a pause would retire the fresh buffer.)
     */
    private long allocateSlow(long bytes) {
        pollNow();
        if (collector.incrementDue()) {
            coordinator.collect(state, "increment", PauseKind.INCREMENT);
        }
        while (true) {
            long address = allocateFromCollector(bytes);
            if (address != 0) {
                return address;
            }
            retryBytes = bytes;
            retryAddress = 0;
            if (coordinator.collect(state, "allocation failure", PauseKind.FULL, retryInPause) == CollectOutcome.RAN) {
                break;
            }
            // joined another thread's pause: retry outside it, then collect ourselves if still needed
        }
        if (retryAddress != 0) {
            return retryAddress;
        }
        env.outOfMemory().run();
        JfrEvents.allocationFailure(name, collector.name(), bytes, retryUsage);
        throw new HeapExhaustedException(name, bytes, retryUsage, collector.name());
    }

    /** Runs inside an allocation-failure pause, after the collection: the retry nobody can race. */
    private void retryInPause() {
        retryAddress = allocateFromCollector(retryBytes);
        retryUsage = retryAddress == 0 ? collector.usage() : null;
    }

    /** A large object from the collector directly, or a refilled TLAB; 0 when the collector has no room. */
    private long allocateFromCollector(long bytes) {
        if (bytes > largeObjectBytes) {
            long large = checkCollectorBlock(collector.allocateLarge(bytes), bytes);
            if (large != 0) {
                zero(large - heapBase + HeaderLayout.HEADER_BYTES, bytes - HeaderLayout.HEADER_BYTES);
            }
            return large;
        }
        FreeSpace.retire(objects, tlab);
        if (!collector.refill(tlab, bytes, tlabBytes)) {
            return 0;
        }
        long address = tlab.tryBump(bytes);
        if (address == 0) {
            throw new IllegalStateException(String.format(
                    "collector '%s' refilled mutator '%s' with [0x%x, 0x%x), smaller than the %d bytes asked",
                    collector.name(), name, tlab.cursor(), tlab.limit(), bytes));
        }
        checkCollectorBlock(address, tlab.limit() - address);
        // zeroed once per buffer, in bulk: objects bumped from it need only their header written
        zero(address - heapBase, tlab.limit() - address);
        return address;
    }

    private long checkCollectorBlock(long address, long bytes) {
        if (address != 0 && ((address & (HeaderLayout.ALIGNMENT - 1)) != 0 || address < heapBase
                || address - heapBase > heapBytes - bytes)) {
            throw new IllegalStateException(String.format(
                    "collector '%s' handed out a block of %d bytes at 0x%x, outside the heap or misaligned",
                    collector.name(), bytes, address));
        }
        return address;
    }

    /** Zeroes {@code bytes} (a multiple of 8) from heap offset {@code offset}, allocating nothing. */
    private void zero(long offset, long bytes) {
        if (bytes <= ZERO_LOOP_BYTES) {
            for (long o = offset; o < offset + bytes; o += HeaderLayout.WORD_BYTES) {
                heap.set(WORD, o, 0L);
            }
            return;
        }
        for (long done = 0; done < bytes; done += ZERO_CHUNK_BYTES) {
            MemorySegment.copy(ZEROS, 0, heap, offset + done, Math.min(ZERO_CHUNK_BYTES, bytes - done));
        }
    }

    private long nextId() {
        if (idNext == idLimit) {
            idNext = objectIds.getAndAdd(ID_BLOCK);
            idLimit = idNext + ID_BLOCK;
        }
        return idNext++;
    }

    // ---- fields -----------------------------------------------------------------------------------

    @Override
    public long readRef(long object, int index) {
        long word = readValue(object, index);
        if (word == 0) {
            return 0;
        }
        if (!tags.isPointer(word)) {
            throw new IllegalStateException(String.format("mutator '%s': field %d of %s holds %s word 0x%x, not a pointer",
                    name, index, objects.describe(object), tags.kindOf(word), word));
        }
        return tags.untag(word);
    }

    @Override
    public void writeRef(long object, int index, long target) {
        checkReferenceField(object, index, "writeRef");
        if (target != 0) {
            checkFieldTarget(object, index, target);
        }
        storeReference(object, index, target == 0 ? 0 : tags.tagPointer(target));
    }

    @Override
    public long readValue(long object, int index) {
        checkReferenceField(object, index, "readValue");
        return heap.get(WORD, fieldOffset(object, index));
    }

    @Override
    public void writeValue(long object, int index, long taggedWord) {
        checkReferenceField(object, index, "writeValue");
        if (tags.isPointer(taggedWord)) {
            checkFieldTarget(object, index, tags.untag(taggedWord));
        }
        storeReference(object, index, taggedWord);
    }

    @Override
    public long readRaw(long object, int index) {
        checkRawField(object, index, "readRaw");
        return heap.get(WORD, fieldOffset(object, index));
    }

    @Override
    public void writeRaw(long object, int index, long word) {
        checkRawField(object, index, "writeRaw");
        heap.set(WORD, fieldOffset(object, index), word);
    }

    /** Stores a checked word in a checked reference field, through the write barrier if there is one. */
    private void storeReference(long object, int index, long word) {
        long offset = fieldOffset(object, index);
        if (barrier != null) {
            barrier.onReferenceStore(object, index, heap.get(WORD, offset), word);
        }
        heap.set(WORD, offset, word);
    }

    /** The heap offset of body word {@code index} of {@code object}. */
    private long fieldOffset(long object, int index) {
        return object - heapBase + HeaderLayout.HEADER_BYTES + ((long) index << 3);
    }

    @Override
    public int length(long object) {
        return (int) HeaderLayout.length(checkedStatus(object, "length"));
    }

    @Override
    public ObjectKind kind(long object) {
        return ObjectKind.ofCode(HeaderLayout.kindCode(checkedStatus(object, "kind")));
    }

    @Override
    public long objectId(long object) {
        checkedStatus(object, "objectId");
        return objects.objectId(object);
    }

    @Override
    public Shape shape(long object) {
        long status = checkedKind(object, ObjectKind.SHAPED, "shape");
        return shapes.byId(HeaderLayout.typeId(status));
    }

    @Override
    public int codeId(long object) {
        return HeaderLayout.typeId(checkedKind(object, ObjectKind.CLOSURE, "codeId"));
    }

    @Override
    public long unboxLong(long object) {
        checkedKind(object, ObjectKind.BOXED_LONG, "unboxLong");
        return objects.field(object, 0);
    }

    @Override
    public double unboxDouble(long object) {
        checkedKind(object, ObjectKind.BOXED_DOUBLE, "unboxDouble");
        return Double.longBitsToDouble(objects.field(object, 0));
    }

    // ---- pinning ----------------------------------------------------------------------------------

    @Override
    public void pin(long object) {
        checkPinnable(object, "pin");
        objects.setBits(object, HeaderLayout.PINNED_BIT);
    }

    @Override
    public void unpin(long object) {
        checkPinnable(object, "unpin");
        objects.clearBits(object, HeaderLayout.PINNED_BIT);
    }

    private void checkPinnable(long object, String op) {
        checkedStatus(object, op);
        if (!canPin) {
            throw new IllegalStateException("mutator '" + name + "': cannot " + op + " " + objects.describe(object)
                    + ": collector '" + collector.name() + "' does not support pinning");
        }
    }

    // ---- validation -------------------------------------------------------------------------------

    /**
     * The status word of {@code object} after checking it is an object: fully in debug mode, else
     * range, alignment and kind (one header load).
     */
    private long checkedStatus(long object, String op) {
        enter();
        if (debug) {
            String why = objects.whyNotObject(object);
            if (why != null) {
                throw new IllegalArgumentException("mutator '" + name + "': " + op + " on a non-object: " + why);
            }
            return objects.status(object);
        }
        if ((object & (HeaderLayout.ALIGNMENT - 1)) != 0 || Long.compareUnsigned(object - heapBase, heapBytes) >= 0) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " on a non-object: "
                    + objects.whyNotObject(object));
        }
        long status = heap.get(WORD, object - heapBase);
        if ((OBJECT_CODES >>> HeaderLayout.kindCode(status) & 1) == 0) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " on a non-object: "
                    + objects.whyNotObject(object));
        }
        return status;
    }

    private long checkedKind(long object, ObjectKind expected, String op) {
        long status = checkedStatus(object, op);
        if (HeaderLayout.kindCode(status) != expected.code()) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " needs a " + expected + " object, not "
                    + objects.describe(object));
        }
        return status;
    }

    /** Checks {@code index} is a body word of {@code object}; returns the status word. */
    private long checkedField(long object, int index, String op) {
        long status = checkedStatus(object, op);
        if (Integer.toUnsignedLong(index) >= HeaderLayout.length(status)) {   // a negative index is huge
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " of field " + index + " is outside "
                    + objects.describe(object));
        }
        return status;
    }

    private void checkReferenceField(long object, int index, String op) {
        if (!isReferenceField(checkedField(object, index, op), index, object)) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " to field " + index + " of "
                    + objects.describe(object) + ", which is a raw field; use readRaw/writeRaw");
        }
    }

    private void checkRawField(long object, int index, String op) {
        if (isReferenceField(checkedField(object, index, op), index, object)) {
            throw new IllegalArgumentException("mutator '" + name + "': " + op + " of field " + index + " of "
                    + objects.describe(object) + ", which may hold a reference; use readValue/writeValue");
        }
    }

    /** {@link ObjectModel#isReferenceField} from an already loaded status word. */
    private boolean isReferenceField(long status, int index, long object) {
        int kind = HeaderLayout.kindCode(status);
        if (kind == ObjectKind.REF_ARRAY.code() || kind == ObjectKind.CLOSURE.code()) {
            return true;
        }
        if (kind != ObjectKind.SHAPED.code()) {
            return false;
        }
        Shape shape = shapes.byId(HeaderLayout.typeId(status));
        if (shape == null) {
            throw new HeapCorruptionException(objects.describe(object) + " names an undefined shape");
        }
        return shape.isReference(index);
    }

    /** Why a pointer to {@code target} must not be stored, or null: fully checked in debug mode, else range and alignment. */
    private String whyBadTarget(long target) {
        boolean suspect = debug || (target & (HeaderLayout.ALIGNMENT - 1)) != 0
                || Long.compareUnsigned(target - heapBase, heapBytes) >= 0;
        return suspect ? objects.whyNotObject(target) : null;
    }

    private void checkFieldTarget(long object, int index, long target) {
        String why = whyBadTarget(target);
        if (why != null) {
            throw new IllegalArgumentException("mutator '" + name + "': cannot store a pointer in field " + index
                    + " of " + objects.describe(object) + ": " + why);
        }
    }

    private void checkSlotTarget(int slot, long target) {
        String why = whyBadTarget(target);
        if (why != null) {
            throw new IllegalArgumentException("mutator '" + name + "': cannot store a pointer in "
                    + stack.nameSlot(slot) + ": " + why);
        }
    }

    // ---- safepoints -------------------------------------------------------------------------------

    @Override
    public void poll() {
        enter();
        pollNow();
    }

    @Override
    public void backEdge() {
        enter();
        if (backEdgeInterval != 0 && --backEdgeCountdown == 0) {
            backEdgeCountdown = backEdgeInterval;
            pollNow();
        }
    }

    @Override
    public void functionEntry() {
        enter();
        if (functionEntryInterval != 0 && --functionEntryCountdown == 0) {
            functionEntryCountdown = functionEntryInterval;
            pollNow();
        }
    }

    /** A poll that the policy makes: park if a stop is requested; count it for POLL stress. */
    private void pollNow() {
        if (coordinator.stopRequested()) {
            coordinator.park(state);
        }
        if (stressPoll && --stressCountdown == 0) {
            stressCountdown = stressInterval;
            coordinator.collect(state, "stress", PauseKind.FULL);
        }
    }

    @Override
    public void collect() {
        enter();
        requireRunning("collect");
        while (coordinator.collect(state, "requested", PauseKind.FULL) == CollectOutcome.JOINED_INCREMENT) {
            // an incremental step is not the full collection asked for: ask again
        }
    }

    /** One {@link PauseKind#INCREMENT} pause; joining another thread's pause counts as the step. */
    @Override
    public void collectStep() {
        enter();
        requireRunning("collectStep");
        coordinator.collect(state, "step", PauseKind.INCREMENT);
    }

    @Override
    public void runBlocked(Runnable action) {
        enter();
        requireRunning("runBlocked");
        coordinator.block(state);
        try {
            action.run();
        } finally {
            coordinator.unblock(state);
        }
    }

    /** Refuses {@code op} inside {@code runBlocked}, where the mutator counts as stopped. */
    private void requireRunning(String op) {
        if (state.status() != MutatorStatus.RUNNING) {
            throw new IllegalStateException("mutator '" + name + "': " + op + " while " + state.status()
                    + " (inside runBlocked?)");
        }
    }

    /** Retires the TLAB, detaches (after any collection in progress) and frees the stack. Idempotent. */
    @Override
    public void close() {
        if (owner == null) {
            return;
        }
        enter();
        FreeSpace.retire(objects, tlab);
        coordinator.detach(state);
        owner = null;
        stack.close();
        env.onClose().accept(this);
    }

    @Override
    public String toString() {
        return "mutator '" + name + "'";
    }

    private static int objectCodes() {
        int codes = 0;
        for (ObjectKind k : ObjectKind.values()) {
            codes |= k.isObject() ? 1 << k.code() : 0;
        }
        return codes;
    }
}
