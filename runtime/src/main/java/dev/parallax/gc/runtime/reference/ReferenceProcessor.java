package dev.parallax.gc.runtime.reference;

import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.reference.Finalizer;
import dev.parallax.gc.api.reference.ReferenceKind;
import dev.parallax.gc.api.reference.ReferenceTracer;
import dev.parallax.gc.api.reference.SoftPolicy;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;

import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * The pause side of weak processing (after MMTk's {@code ReferenceProcessor} and
 * {@code FinalizableProcessor}): tables of the reference objects, ephemerons and finalizable
 * objects that exist, processed once per completed trace in Java's order.
 *
 * <pre>
 * process = ephemeronFixpoint; retainSoft; clearUnreachable(soft, weak, ephemerons);
 *           resurrectFinalizable; finalPass(soft, weak, phantom, ephemerons, finalizable)
 * </pre>
 * A reference object's words are [referent, state, clock]: the referent's tagged word, the queue id
 * and enqueued bit, the soft clock at the last access. An ephemeron's are [key, value]. Neither is a
 * reference field, so no tracer follows them; this class clears or forwards them.
 *
 * <p>Invariants after {@link #process}: every tracked entry that survived is at its current address;
 * a live reference object's referent is live or cleared; a live ephemeron's key is live (and then its
 * value too) or both are cleared; an object whose finalizer is due is held by {@link Handles} until
 * the finalizer thread takes it. Cost with nothing tracked: one branch.
 */
public final class ReferenceProcessor {
    static final int REFERENT = 0;
    static final int STATE = 1;
    static final int CLOCK = 2;
    static final int KEY = 0;
    static final int VALUE = 1;
    static final long ENQUEUED = 1L << 32;
    static final long QUEUE_MASK = 0xFFFF_FFFFL;
    /** Below this free fraction an allocation failure counts as memory pressure for soft references. */
    public static final double PRESSURE_FREE_FRACTION = 0.10;

    private final ObjectModel objects;
    private final TagScheme tags;
    private final Supplier<HeapUsage> usage;
    final Handles handles = new Handles();
    private final RefTable[] references = {new RefTable(), new RefTable(), new RefTable()};
    private final RefTable ephemerons = new RefTable();
    private final RefTable finalizable = new RefTable();
    private final FinalizerQueue due;
    /** Per ephemeron, whether this collection retained its value already. */
    private boolean[] retainedValues = new boolean[0];
    private RefQueue[] queues = new RefQueue[1];
    private volatile int tracked;
    private volatile int softCount;
    private volatile long clock;
    private volatile SoftPolicy softPolicy = SoftPolicy.lru(32);
    private volatile boolean pressure;
    private long cleared;
    private long resurrected;
    private volatile SeededBug seeded = SeededBug.NONE;

    /** Bugs the teeth tests plant, to show that the reference property catches them. Never set otherwise. */
    public enum SeededBug {
        NONE,
        /** A resurrected object keeps its finalizer registered, so it runs again when the object dies again. */
        FINALIZE_TWICE
    }

    public ReferenceProcessor(ObjectModel objects, TagScheme tags, Supplier<HeapUsage> usage, FinalizerQueue due) {
        this.objects = objects;
        this.tags = tags;
        this.usage = usage;
        this.due = due;
        due.bind(handles);
    }

    // ---- registration (mutators, running) --------------------------------------------------------

    synchronized void addReference(ReferenceKind kind, long reference) {
        references[kind.ordinal()].add(reference, null);
        tracked++;
        softCount = references[ReferenceKind.SOFT.ordinal()].size;
    }

    synchronized void addEphemeron(long ephemeron) {
        ephemerons.add(ephemeron, null);
        tracked++;
    }

    synchronized void addFinalizable(long object, Finalizer finalizer, boolean check) {
        if (check && finalizable.contains(object)) {
            throw new IllegalArgumentException(objects.describe(object) + " already has a finalizer");
        }
        finalizable.add(object, finalizer);
        tracked++;
    }

    synchronized RefQueue newQueue(String name) {
        int id = queues.length;
        RefQueue q = new RefQueue(id, name, handles, tags);
        RefQueue[] next = java.util.Arrays.copyOf(queues, id + 1);
        next[id] = q;
        queues = next;
        return q;
    }

    long clock() {
        return clock;
    }

    void softPolicy(SoftPolicy policy) {
        this.softPolicy = java.util.Objects.requireNonNull(policy, "soft policy");
    }

    void memoryPressure(boolean on) {
        this.pressure = on;
    }

    /** Whether a soft reference is tracked now (the allocation slow path's last resort clears them). */
    public boolean tracksSoftReferences() {
        return softCount > 0;
    }

    /** Plants {@code bug} (teeth tests only). */
    public void seedBug(SeededBug bug) {
        this.seeded = java.util.Objects.requireNonNull(bug);
    }

    /** Entries tracked now. */
    public int tracked() {
        return tracked;
    }

    /** Referents and ephemerons cleared, and objects resurrected for finalization, since start. */
    public synchronized long cleared() {
        return cleared;
    }

    public synchronized long resurrected() {
        return resurrected;
    }

    // ---- the pause ---------------------------------------------------------------------------------

    /** The strong cells this runtime holds (enqueued references, objects awaiting finalization), as roots. */
    public void scanRoots(RootVisitor visitor) {
        handles.scan(visitor);
    }

    /** Processes every table once the collector's strong closure is complete (see the class comment). */
    public void process(ReferenceTracer tracer, String reason) {
        if (tracked == 0) {
            return;
        }
        synchronized (this) {
            clock++;
            java.util.Arrays.fill(retainedValues, false);
            ephemeronFixpoint(tracer);
            retainSoft(tracer, reason);
            clearUnreachable(tracer);
            resurrectFinalizable(tracer);
            finalPass(tracer);
            softCount = references[ReferenceKind.SOFT.ordinal()].size;
            tracked = references[0].size + references[1].size + references[2].size + ephemerons.size
                    + finalizable.size;
        }
    }

    /**
     * A live ephemeron whose key is live has a live value; repeated until nothing more is retained.
     * Each ephemeron's value is retained at most once per collection, so the loop ends even if the
     * collector's liveness test were wrong.
     */
    private void ephemeronFixpoint(ReferenceTracer t) {
        if (ephemerons.size == 0) {
            return;
        }
        if (retainedValues.length < ephemerons.size) {
            retainedValues = new boolean[ephemerons.addresses.length];
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < ephemerons.size; i++) {
                long e = ephemerons.addresses[i];
                if (retainedValues[i] || !t.isLive(e)) {
                    continue;
                }
                long now = t.forwarded(e);
                long key = objects.field(now, KEY);
                long value = objects.field(now, VALUE);
                if (tags.isPointer(key) && t.isLive(tags.untag(key)) && tags.isPointer(value)
                        && !t.isLive(tags.untag(value))) {
                    t.retain(tags.untag(value));
                    retainedValues[i] = true;
                    progress = true;
                }
            }
            if (progress) {
                t.closure();
            }
        }
    }

    /** The soft referents the policy keeps are retained, with all they reach. */
    private void retainSoft(ReferenceTracer t, String reason) {
        RefTable soft = references[ReferenceKind.SOFT.ordinal()];
        if (soft.size == 0) {
            return;
        }
        HeapUsage u = usage.get();
        double free = u.capacityBytes() == 0 ? 0 : (double) u.freeBytes() / u.capacityBytes();
        boolean underPressure = underPressure(reason, free);
        SoftPolicy policy = softPolicy;
        boolean any = false;
        for (int i = 0; i < soft.size; i++) {
            long r = soft.addresses[i];
            if (!t.isLive(r)) {
                continue;
            }
            long now = t.forwarded(r);
            long referent = objects.field(now, REFERENT);
            if (tags.isPointer(referent) && !t.isLive(tags.untag(referent))
                    && policy.keep(clock - objects.field(now, CLOCK), free, underPressure)) {
                t.retain(tags.untag(referent));
                any = true;
            }
        }
        if (any) {
            t.closure();
            ephemeronFixpoint(t);
        }
    }

    /**
     * Memory pressure: set by {@code memoryPressure}, or a last-resort collection before an
     * allocation fails ("allocation failure (full)"), or any allocation failure with less than
     * {@link #PRESSURE_FREE_FRACTION} of the heap free when the pause began (a generational minor
     * collection, whose old generation still has room, is no pressure).
     */
    static boolean underPressure(boolean flag, String reason, double free) {
        return flag || reason.equals("allocation failure (full)")
                || reason.startsWith("allocation failure") && free < PRESSURE_FREE_FRACTION;
    }

    private boolean underPressure(String reason, double free) {
        return underPressure(pressure, reason, free);
    }

    /** Live soft and weak references to unreachable referents are cleared and enqueued; so are such ephemerons. */
    private void clearUnreachable(ReferenceTracer t) {
        for (int kind = 0; kind < 2; kind++) {
            RefTable table = references[kind];
            for (int i = 0; i < table.size; i++) {
                long r = table.addresses[i];
                if (t.isLive(r)) {
                    clearIfDead(t, t.forwarded(r));
                }
            }
        }
        for (int i = 0; i < ephemerons.size; i++) {
            long e = ephemerons.addresses[i];
            if (t.isLive(e)) {
                long now = t.forwarded(e);
                long key = objects.field(now, KEY);
                if (tags.isPointer(key) && !t.isLive(tags.untag(key))) {
                    clearEphemeron(now);
                }
            }
        }
    }

    /** Unreachable objects with a finalizer are retained and handed to the finalizer queue; they leave the table. */
    private void resurrectFinalizable(ReferenceTracer t) {
        if (finalizable.size == 0) {
            return;
        }
        boolean[] any = {false};
        finalizable.retain((object, finalizer) -> {
            if (t.isLive(object)) {
                return object;   // forwarded in the final pass
            }
            long now = t.retain(object);
            due.add(handles.put(tags.tagPointer(now)), (Finalizer) finalizer);
            resurrected++;
            any[0] = true;
            return seeded == SeededBug.FINALIZE_TWICE ? now : 0;
        });
        if (any[0]) {
            t.closure();
            ephemeronFixpoint(t);
        }
    }

    /**
     * Dead entries leave the tables; survivors are recorded at their current address with their
     * referents forwarded; phantom references to unreachable referents, and references reachable
     * only since finalization resurrected them, are cleared and enqueued.
     */
    private void finalPass(ReferenceTracer t) {
        LongUnaryOperator forwarded = t::forwarded;
        for (RefTable table : references) {
            table.retain((r, p) -> {
                if (!t.isLive(r)) {
                    return 0;
                }
                long now = t.forwarded(r);
                if (!clearIfDead(t, now)) {
                    forwardWord(now, REFERENT, forwarded);
                }
                return now;
            });
        }
        ephemerons.retain((e, p) -> {
            if (!t.isLive(e)) {
                return 0;
            }
            long now = t.forwarded(e);
            long key = objects.field(now, KEY);
            if (tags.isPointer(key)) {
                if (t.isLive(tags.untag(key))) {
                    forwardWord(now, KEY, forwarded);
                    forwardWord(now, VALUE, forwarded);
                } else {
                    clearEphemeron(now);
                }
            }
            return now;
        });
        finalizable.retain((object, f) -> t.forwarded(object));
    }

    /** The ephemeron at {@code now} lost its key: key and value are cleared. */
    private void clearEphemeron(long now) {
        objects.setField(now, KEY, 0);
        objects.setField(now, VALUE, 0);
        cleared++;
    }

    /** Clears the referent of the reference at {@code now} if it is unreachable, enqueueing it; true if it did. */
    private boolean clearIfDead(ReferenceTracer t, long now) {
        long word = objects.field(now, REFERENT);
        if (!tags.isPointer(word) || t.isLive(tags.untag(word))) {
            return false;
        }
        objects.setField(now, REFERENT, 0);
        cleared++;
        long state = objects.field(now, STATE);
        int queue = (int) (state & QUEUE_MASK);
        if (queue != 0 && (state & ENQUEUED) == 0) {
            objects.setField(now, STATE, state | ENQUEUED);
            queues[queue].enqueue(now);
        }
        return true;
    }

    /**
     * Mark-compact: every tracked address, referent, key and value becomes {@code newAddress} of it.
     * Objects are still at their old addresses.
     */
    public void forward(LongUnaryOperator newAddress) {
        if (tracked == 0) {
            return;
        }
        synchronized (this) {
            for (RefTable table : references) {
                table.retain((r, p) -> {
                    forwardWord(r, REFERENT, newAddress);
                    return newAddress.applyAsLong(r);
                });
            }
            ephemerons.retain((e, p) -> {
                forwardWord(e, KEY, newAddress);
                forwardWord(e, VALUE, newAddress);
                return newAddress.applyAsLong(e);
            });
            finalizable.retain((o, p) -> newAddress.applyAsLong(o));
        }
    }

    /** The pointer in {@code field} of {@code object}, if any, becomes {@code newAddress} of it, keeping its tag. */
    private void forwardWord(long object, int field, LongUnaryOperator newAddress) {
        long word = objects.field(object, field);
        if (tags.isPointer(word)) {
            objects.setField(object, field, tags.retarget(word, newAddress.applyAsLong(tags.untag(word))));
        }
    }
}
