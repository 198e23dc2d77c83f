package dev.parallax.gc.runtime.reference;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.api.reference.Finalizer;
import dev.parallax.gc.api.reference.ReferenceKind;
import dev.parallax.gc.api.reference.ReferenceQueue;
import dev.parallax.gc.api.reference.References;
import dev.parallax.gc.api.reference.SoftPolicy;
import dev.parallax.gc.api.tags.TagScheme;

/**
 * The mutator side of {@link References}: allocates reference objects and ephemerons through the
 * calling mutator, registers them with the {@link ReferenceProcessor}, and reads them. Reading a
 * referent while an incremental collector marks goes through the collector's write barrier as a
 * store of the referent over itself, which a snapshot-at-the-beginning barrier logs (so the referent
 * a mutator just obtained is marked, as G1 does for {@code Reference.get}).
 */
public final class RuntimeReferences implements References {
    private static final String[] SHAPE_NAMES = {"parallax.SoftReference", "parallax.WeakReference",
            "parallax.PhantomReference"};
    private static final String EPHEMERON_SHAPE = "parallax.Ephemeron";

    private final ReferenceProcessor processor;
    private final FinalizerQueue finalizers;
    private final ShapeTable shapes;
    private final TagScheme tags;
    private final WriteBarrier barrier;
    private final boolean debug;
    /** Shapes by kind, defined on first use; ids 0 until then. */
    private final Shape[] shapeOf = new Shape[3];
    private volatile Shape ephemeronShape;
    private volatile int[] kindById = new int[0];   // typeId -> kind ordinal + 1 (0: not a reference)

    public RuntimeReferences(ReferenceProcessor processor, FinalizerQueue finalizers, ShapeTable shapes,
                             TagScheme tags, WriteBarrier barrier, boolean debug) {
        this.processor = processor;
        this.finalizers = finalizers;
        this.shapes = shapes;
        this.tags = tags;
        this.barrier = barrier;
        this.debug = debug;
    }

    /** Whether shape {@code typeId} is one of the reference or ephemeron shapes (its words are weak). */
    public boolean isWeakShape(int typeId) {
        int[] table = kindById;
        return typeId < table.length && table[typeId] != 0;
    }

    private synchronized Shape shape(ReferenceKind kind) {
        Shape s = shapeOf[kind.ordinal()];
        if (s == null) {
            s = shapes.define(SHAPE_NAMES[kind.ordinal()], 3);
            shapeOf[kind.ordinal()] = s;
            remember(s.id(), kind.ordinal() + 1);
        }
        return s;
    }

    private synchronized Shape ephemeronShape() {
        if (ephemeronShape == null) {
            ephemeronShape = shapes.define(EPHEMERON_SHAPE, 2);
            remember(ephemeronShape.id(), 4);
        }
        return ephemeronShape;
    }

    private void remember(int id, int code) {
        int[] next = java.util.Arrays.copyOf(kindById, Math.max(kindById.length, id + 1));
        next[id] = code;
        kindById = next;
    }

    private int code(Mutator m, long object) {
        if (object == 0 || m.kind(object) != ObjectKind.SHAPED) {
            return 0;
        }
        int id = m.shape(object).id();
        int[] table = kindById;
        return id < table.length ? table[id] : 0;
    }

    private ReferenceKind requireReference(Mutator m, long reference) {
        ReferenceKind kind = kindOf(m, reference);
        if (kind == null) {
            throw new IllegalArgumentException("not a reference object: " + describe(m, reference));
        }
        return kind;
    }

    private long requireEphemeron(Mutator m, long ephemeron) {
        if (code(m, ephemeron) != 4) {
            throw new IllegalArgumentException("not an ephemeron: " + describe(m, ephemeron));
        }
        return ephemeron;
    }

    private static String describe(Mutator m, long object) {
        return object == 0 ? "null" : m.kind(object) + (m.kind(object) == ObjectKind.SHAPED
                ? " " + m.shape(object).name() : "") + String.format(" at 0x%x", object);
    }

    @Override
    public ReferenceQueue newQueue(String name) {
        return processor.newQueue(name);
    }

    @Override
    public long newReference(Mutator mutator, ReferenceKind kind, int referentSlot, ReferenceQueue queue) {
        if (queue != null && !(queue instanceof RefQueue)) {
            throw new IllegalArgumentException("queue " + queue.name() + " does not belong to this runtime");
        }
        long reference = mutator.allocate(shape(kind));   // safepoint: the referent is read from its slot after it
        long word = mutator.slot(referentSlot);
        mutator.writeRaw(reference, ReferenceProcessor.REFERENT, tags.isPointer(word) ? word : 0);
        mutator.writeRaw(reference, ReferenceProcessor.STATE, queue == null ? 0 : ((RefQueue) queue).id());
        mutator.writeRaw(reference, ReferenceProcessor.CLOCK, processor.clock());
        processor.addReference(kind, reference);
        return reference;
    }

    @Override
    public long get(Mutator mutator, long reference) {
        ReferenceKind kind = requireReference(mutator, reference);
        if (kind == ReferenceKind.PHANTOM) {
            return 0;
        }
        long word = mutator.readRaw(reference, ReferenceProcessor.REFERENT);
        if (!tags.isPointer(word)) {
            return 0;
        }
        if (kind == ReferenceKind.SOFT) {
            mutator.writeRaw(reference, ReferenceProcessor.CLOCK, processor.clock());
        }
        if (barrier != null) {
            barrier.onReferenceStore(reference, ReferenceProcessor.REFERENT, word, word);
        }
        return tags.untag(word);
    }

    @Override
    public void clear(Mutator mutator, long reference) {
        requireReference(mutator, reference);
        mutator.writeRaw(reference, ReferenceProcessor.REFERENT, 0);
    }

    @Override
    public boolean isEnqueued(Mutator mutator, long reference) {
        requireReference(mutator, reference);
        return (mutator.readRaw(reference, ReferenceProcessor.STATE) & ReferenceProcessor.ENQUEUED) != 0;
    }

    @Override
    public ReferenceKind kindOf(Mutator mutator, long reference) {
        int code = code(mutator, reference);
        return code >= 1 && code <= 3 ? ReferenceKind.values()[code - 1] : null;
    }

    @Override
    public long newEphemeron(Mutator mutator, int keySlot, int valueSlot) {
        if (!tags.isPointer(mutator.slot(keySlot))) {
            throw new IllegalArgumentException("an ephemeron's key must be an object; slot " + keySlot + " holds 0x"
                    + Long.toHexString(mutator.slot(keySlot)));
        }
        long e = mutator.allocate(ephemeronShape());
        mutator.writeRaw(e, ReferenceProcessor.KEY, mutator.slot(keySlot));
        mutator.writeRaw(e, ReferenceProcessor.VALUE, mutator.slot(valueSlot));
        processor.addEphemeron(e);
        return e;
    }

    @Override
    public long ephemeronKey(Mutator mutator, long ephemeron) {
        long word = mutator.readRaw(requireEphemeron(mutator, ephemeron), ReferenceProcessor.KEY);
        if (!tags.isPointer(word)) {
            return 0;
        }
        if (barrier != null) {
            barrier.onReferenceStore(ephemeron, ReferenceProcessor.KEY, word, word);
        }
        return tags.untag(word);
    }

    @Override
    public long ephemeronValue(Mutator mutator, long ephemeron) {
        long word = mutator.readRaw(requireEphemeron(mutator, ephemeron), ReferenceProcessor.VALUE);
        if (barrier != null && tags.isPointer(word)) {
            barrier.onReferenceStore(ephemeron, ReferenceProcessor.VALUE, word, word);
        }
        return word;
    }

    @Override
    public void registerFinalizer(Mutator mutator, int slot, Finalizer finalizer) {
        java.util.Objects.requireNonNull(finalizer, "finalizer");
        long word = mutator.slot(slot);
        if (!tags.isPointer(word)) {
            throw new IllegalArgumentException("a finalizer needs an object; slot " + slot + " holds 0x"
                    + Long.toHexString(word));
        }
        finalizers.start();
        processor.addFinalizable(tags.untag(word), finalizer, debug);
    }

    @Override
    public boolean awaitFinalizers(Mutator mutator, long timeoutMillis) throws InterruptedException {
        return finalizers.await(mutator, timeoutMillis);
    }

    @Override
    public void softPolicy(SoftPolicy policy) {
        processor.softPolicy(policy);
    }

    @Override
    public void memoryPressure(boolean on) {
        processor.memoryPressure(on);
    }

    @Override
    public long finalizersRun() {
        return finalizers.run();
    }

    @Override
    public long finalizerFailures() {
        return finalizers.failures();
    }

    @Override
    public int tracked() {
        return processor.tracked();
    }

    /** Stops the finalizer thread; called when the runtime closes. */
    public void close() {
        finalizers.stop();
    }
}
