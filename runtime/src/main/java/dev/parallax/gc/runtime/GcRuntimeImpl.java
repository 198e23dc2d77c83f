package dev.parallax.gc.runtime;

import dev.parallax.gc.api.reference.References;
import dev.parallax.gc.runtime.reference.FinalizerQueue;
import dev.parallax.gc.runtime.reference.ReferenceProcessor;
import dev.parallax.gc.runtime.reference.RuntimeReferences;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.GcStats;
import dev.parallax.gc.api.GlobalRoots;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.api.stack.FrameShapeTable;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.safepoint.SafepointPolicy;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.runtime.collection.CollectionDriver;
import dev.parallax.gc.runtime.collection.GcTotals;
import dev.parallax.gc.runtime.collection.PinTable;
import dev.parallax.gc.runtime.globals.GlobalTable;
import dev.parallax.gc.runtime.handshake.CollectOutcome;
import dev.parallax.gc.runtime.handshake.MutatorState;
import dev.parallax.gc.runtime.handshake.PauseKind;
import dev.parallax.gc.runtime.handshake.SafepointCoordinator;
import dev.parallax.gc.runtime.heap.FreeSpace;
import dev.parallax.gc.runtime.heap.Heap;
import dev.parallax.gc.runtime.mutator.AttachedMutator;
import dev.parallax.gc.runtime.mutator.MutatorClass;
import dev.parallax.gc.runtime.mutator.MutatorConstants;
import dev.parallax.gc.runtime.mutator.MutatorEnvironment;
import dev.parallax.gc.runtime.safepoint.PollSchedule;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runtime: a reserved heap handed to the collector, the global table, the handshake, and the
 * attached mutators. Built by {@link GcRuntimes#create}; public so tools can reach the
 * {@link #objects() object model} and the {@link #debugViolations() debug violation counter}.
 */
public final class GcRuntimeImpl implements GcRuntime {
    /**
     * The system property that, set to {@code false}, makes runtimes created from then on share the
     * generic mutator class instead of defining a specialised one ({@link MutatorClass}): to measure
     * what specialisation buys.
     */
    public static final String SPECIALISE_PROPERTY = "parallax.specialise";

    private final GcConfig config;
    private final ShapeTable shapes;
    private final FrameShapeTable frames = new FrameShapeTable();
    private final Heap heap;
    private final TagScheme tags;
    private final Collector collector;
    private final SafepointPolicy policy;
    private final List<RootSource> rootSources;
    private final GlobalTable globals;
    private final SafepointCoordinator coordinator;
    private final CollectionDriver driver;
    private final GcTotals totals = new GcTotals();
    private final PinTable pins;
    private final List<GcListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<AttachedMutator> mutators = ConcurrentHashMap.newKeySet();
    private final MutatorClass mutatorClass;
    /** Stack regions in use, by index; guarded by itself. */
    private final BitSet stacksInUse = new BitSet();
    // allocation counts of mutators that have closed
    private final AtomicLong closedBytes = new AtomicLong();
    private final AtomicLong closedObjects = new AtomicLong();
    private boolean closed;
    private final RuntimeReferences references;
    private final ReferenceProcessor referenceProcessor;

    private GcRuntimeImpl(GcConfig config, Heap heap, Collector collector, List<RootSource> rootSources,
                          TagScheme tags, SafepointPolicy policy) {
        this.config = config;
        this.heap = heap;
        this.shapes = heap.objects().shapes();
        this.tags = tags;
        this.collector = collector;
        this.policy = policy;
        this.rootSources = List.copyOf(rootSources);
        // debug mode: a cell is read and written only by an attached, running mutator outside a pause
        this.globals = new GlobalTable(heap.allocateSide((long) config.globalCells() * 8), config.globalCells(), tags,
                heap.objects(), config.debug() ? this::checkGlobalAccess : null);
        this.pins = new PinTable(heap.objects());
        this.driver = new CollectionDriver(collector, heap.objects(), tags, globals, this.rootSources,
                listeners, totals, config.debug(), pins);
        FinalizerQueue finalizers = new FinalizerQueue(this::attach);
        ReferenceProcessor processor = new ReferenceProcessor(heap.objects(), tags, collector::usage, finalizers);
        this.referenceProcessor = processor;
        this.references = new RuntimeReferences(processor, finalizers, shapes, tags,
                collector.constraints().needsWriteBarrier() ? collector.writeBarrier() : null, config.debug());
        driver.references(processor, references::isWeakShape);
        this.coordinator = new SafepointCoordinator(driver,
                TimeUnit.MILLISECONDS.toNanos(config.safepointTimeoutMillis()), this::mutatorExited);
        CollectorConstraints constraints = collector.constraints();
        // null when not needed, or when the collector disables it (an unsafe setting for experiments)
        WriteBarrier barrier = constraints.needsWriteBarrier() ? collector.writeBarrier() : null;
        MutatorEnvironment environment = new MutatorEnvironment(config, heap.memory(), heap.objects(), frames, tags,
                collector, barrier, coordinator, PollSchedule.of(policy), new AtomicLong(1), totals::recordOutOfMemory,
                this::mutatorClosed, pins, processor::tracksSoftReferences);
        MutatorConstants constants = MutatorConstants.of(environment);
        boolean specialise = !"false".equals(System.getProperty(SPECIALISE_PROPERTY));
        this.mutatorClass = specialise ? MutatorClass.specialised(constants) : MutatorClass.generic(constants);
    }


    /**
     * Reserves the heap, checks the tag scheme can encode its addresses, and hands it to the collector.
     *
     * @throws GcConfigException when the tag scheme cannot encode the heap's addresses
     */
    static GcRuntimeImpl start(GcConfig config, Collector collector, List<RootSource> rootSources, TagScheme tags,
                               SafepointPolicy policy) {
        Heap heap = Heap.reserve(config, new ShapeTable());
        try {
            tags.checkAddressRange(heap.base(), heap.limit());
        } catch (IllegalArgumentException e) {
            heap.close();
            throw new GcConfigException("tag scheme '" + tags.name() + "' cannot encode this heap's addresses [0x"
                    + Long.toHexString(heap.base()) + ", 0x" + Long.toHexString(heap.limit()) + "): " + e.getMessage(), e);
        }
        try {
            collector.initialize(heap.objects(), tags);  // first: a collector may build its barrier here
            return new GcRuntimeImpl(config, heap, collector, rootSources, tags, policy);
        } catch (RuntimeException | Error e) {
            heap.close();
            throw e;
        }
    }

    // ---- accessors ----------------------------------------------------------------------------

    @Override
    public GcConfig config() {
        return config;
    }

    @Override
    public ShapeTable shapes() {
        return shapes;
    }

    @Override
    public FrameShapeTable frames() {
        return frames;
    }

    @Override
    public TagScheme tags() {
        return tags;
    }

    @Override
    public GlobalRoots globals() {
        return globals;
    }

    @Override
    public CollectorConstraints constraints() {
        return collector.constraints();
    }

    /** The object model over this runtime's heap. */
    public ObjectModel objects() {
        return heap.objects();
    }

    public Collector collector() {
        return collector;
    }

    @Override
    public SafepointPolicy safepointPolicy() {
        return policy;
    }

    /** The root sources, in config order. */
    public List<RootSource> rootSources() {
        return rootSources;
    }

    /** How many times a mutator touched the heap while stopped or during a collection (checked in debug mode only). */
    public long debugViolations() {
        return coordinator.violations();
    }

    /** The mutators' pin counts. */
    public PinTable pins() {
        return pins;
    }

    /** How many times a pause built the object-start map (at most once per pause that resolves a word). */
    public long objectStartMapBuilds() {
        return driver.objectStarts().builds();
    }

    // ---- mutators -----------------------------------------------------------------------------

    @Override
    public Mutator attach(String name) {
        Thread self = Thread.currentThread();
        AttachedMutator existing = mutatorOf(self);
        if (existing != null) {
            throw new IllegalStateException("thread '" + self.getName() + "' is already attached as " + existing
                    + "; close it before attaching again");
        }
        coordinator.detachExited();          // dead threads give their stack regions back first
        int stack = takeStackRegion(name);
        AttachedMutator mutator;
        try {
            mutator = mutatorClass.create(name, self, stack);
            coordinator.attach(mutator.state());
        } catch (RuntimeException | Error e) {
            releaseStackRegion(stack);
            throw e;
        }
        mutators.add(mutator);
        return mutator;
    }

    /** The lowest free stack region. @throws IllegalStateException when every region is in use */
    private int takeStackRegion(String name) {
        synchronized (stacksInUse) {
            int index = stacksInUse.nextClearBit(0);
            if (index >= heap.stackRegions()) {
                throw new IllegalStateException("cannot attach mutator '" + name + "': the runtime has stacks for "
                        + heap.stackRegions() + " mutators and all are in use (config key mutators; close "
                        + "mutators you no longer need)");
            }
            stacksInUse.set(index);
            return index;
        }
    }

    private void releaseStackRegion(int index) {
        synchronized (stacksInUse) {
            stacksInUse.clear(index);
        }
    }

    /** Whether this runtime's mutators are instances of a specialised class (see {@link MutatorClass}). */
    public boolean specialisedMutators() {
        return mutatorClass.isSpecialised();
    }

    private AttachedMutator mutatorOf(Thread thread) {
        for (AttachedMutator m : mutators) {
            if (m.state().owner() == thread && !m.isClosed()) {
                return m;
            }
        }
        return null;
    }

    /** A mutator has detached: keep its counts, give its stack region back, forget it. */
    private void mutatorClosed(AttachedMutator mutator) {
        mutators.remove(mutator); // before adding its counts: a concurrent stats() may undercount, never double count
        closedBytes.addAndGet(mutator.bytesAllocated());
        closedObjects.addAndGet(mutator.objectsAllocated());
        releaseStackRegion(mutator.stackIndex());
    }

    /**
     * The mutator of a thread that died without closing it was detached (with the coordinator's lock
     * held, before a pause or at an attach; its thread can no longer touch its buffer): retire its allocation buffer so the heap stays parsable, keep its
     * counts, free its stack region.
     */
    private void mutatorExited(MutatorState state) {
        for (AttachedMutator m : mutators) {
            if (m.state() == state) {
                FreeSpace.retire(heap.objects(), state.buffer());
                mutatorClosed(m);
                return;
            }
        }
    }

    /** Debug mode: a global cell is touched only by a running mutator outside a pause. */
    private void checkGlobalAccess(String what) {
        coordinator.checkMutatorAccess(what);
    }

    /** How many mutators are attached (their threads alive or not yet found dead). */
    public int attachedMutators() {
        return mutators.size();
    }

    /** How many stack regions are in use. */
    public int stackRegionsInUse() {
        synchronized (stacksInUse) {
            return stacksInUse.cardinality();
        }
    }

    @Override
    public void collectNow(String reason) {
        AttachedMutator self = mutatorOf(Thread.currentThread());
        if (self != null) {
            throw new IllegalStateException("collectNow is for control threads; thread '"
                    + Thread.currentThread().getName() + "' is " + self + ": call its collect()");
        }
        CollectOutcome outcome;
        do {
            outcome = coordinator.collect(null, reason, PauseKind.FULL);
            // a pause joined for another reason (an incremental step, a minor collection) need not be a full one
        } while (outcome == CollectOutcome.JOINED_INCREMENT || outcome == CollectOutcome.JOINED_OTHER);
    }

    // ---- accounting ---------------------------------------------------------------------------

    @Override
    public GcStats stats() {
        long bytes = closedBytes.get();
        long objects = closedObjects.get();
        for (AttachedMutator m : mutators) {
            bytes += m.bytesAllocated();
            objects += m.objectsAllocated();
        }
        return totals.snapshot(bytes, objects, collector.counters());
    }

    /** The pause side of reference processing (its tables and counters; teeth tests plant bugs in it). */
    public ReferenceProcessor referenceProcessor() {
        return referenceProcessor;
    }

    @Override
    public References references() {
        return references;
    }

    @Override
    public HeapUsage usage() {
        return collector.usage();
    }

    @Override
    public String describe(long address) {
        return heap.objects().describe(address);
    }

    @Override
    public void addListener(GcListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(GcListener listener) {
        listeners.remove(listener);
    }

    /** Releases the heap. @throws IllegalStateException while mutators are attached (naming them) */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        references.close();   // the finalizer thread detaches first
        coordinator.close();
        closed = true;
        try {
            collector.close();
        } finally {
            heap.close();
        }
    }

    @Override
    public String toString() {
        return "GcRuntime[" + config.strategies() + ", heap " + config.heapBytes() + " bytes]";
    }
}
