package dev.parallax.gc.runtime.collection;

import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.runtime.globals.GlobalTable;
import dev.parallax.gc.runtime.handshake.MutatorState;
import dev.parallax.gc.runtime.handshake.PauseHandler;
import dev.parallax.gc.runtime.handshake.PauseKind;
import dev.parallax.gc.runtime.heap.ObjectStartMap;
import dev.parallax.gc.runtime.jfr.JfrEvents;
import dev.parallax.gc.runtime.reference.ReferenceProcessor;
import dev.parallax.gc.runtime.verify.HeapVerifier;
import dev.parallax.gc.runtime.verify.LiveSetSanity;
import dev.parallax.gc.runtime.verify.RootEnumeration;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a pause does once the world is stopped: flush every mutator's allocation state, verify the heap and
 * snapshot the live set (debug mode), run the collector (a full collection or an incremental step),
 * verify and compare again, then account the pause and tell the listeners. Phases are announced to
 * listeners and timed; pauses and phases are also Java Flight Recorder events ({@link JfrEvents}).
 * {@code liveObjects} in the record is the collector's count after a full collection, else the
 * sanity check's count in debug mode, else -1; {@code pinnedObjects} counts the
 * distinct objects the root sources reported as pinning roots to the collector in this pause.
 * Root sources resolve words through an {@link ObjectStartMap} built at most once per stretch of
 * the pause in which the heap's cells stay put (normally once per pause).
 *
 * <p>Only one pause runs at a time (the coordinator guarantees it), so the per-pause fields need
 * no lock; the coordinator's lock orders them between pauses.
 */
public final class CollectionDriver implements PauseHandler {
    /** Phases that read the heap's cells or rewrite fields, never allocate, free or move a cell. */
    private static final Set<GcPhase> KEEPS_CELLS = EnumSet.of(GcPhase.MARK_ROOTS, GcPhase.TRACE_LIVE, GcPhase.REFERENCES,
            GcPhase.COMPUTE_FORWARDING, GcPhase.UPDATE_REFERENCES);

    private final Collector collector;
    private final ObjectModel objects;
    private final TagScheme tags;
    private final GlobalTable globals;
    private final List<RootSource> sources;
    private final List<GcListener> listeners;
    private final GcTotals totals;
    private final boolean debug;
    private final HeapVerifier verifier;
    private final LiveSetSanity sanity;
    private final PinCounter pins = new PinCounter();
    private final PinTable apiPins;
    private final ObjectStartMap starts;
    /** The runtime's weak processing, once set. */
    private ReferenceProcessor references;
    /** Reset at each stop request: one pause at a time. */
    private final PhaseClock clock = new PhaseClock();
    private final JfrEvents events = new JfrEvents();

    // the pause in progress
    private String reason;
    private PauseKind kind;
    /** What the pause collected, as the collector named it ("full", "increment", "young"). */
    private String collected;
    private long requestNanos;
    private long stoppedNanos;
    private long usedBefore;
    private long liveObjects;
    private long pinnedObjects;
    private HeapUsage usageAfter;
    /** Records of pauses that ended, until their listeners are told (another pause may start meanwhile). */
    private final Map<Long, CollectionRecord> ended = new ConcurrentHashMap<>();

    /**
     * @param listeners      read at each announcement (a concurrent list the runtime updates)
     * @param apiPins        the mutators' pin counts; the pins of objects that die are dropped after each pause
     */
    public CollectionDriver(Collector collector, ObjectModel objects, TagScheme tags, GlobalTable globals,
                            List<RootSource> sources, List<GcListener> listeners, GcTotals totals, boolean debug,
                            PinTable apiPins) {
        this.apiPins = apiPins;
        this.collector = collector;
        this.objects = objects;
        this.tags = tags;
        this.globals = globals;
        this.sources = List.copyOf(sources);
        this.listeners = listeners;
        this.totals = totals;
        this.debug = debug;
        this.verifier = debug ? new HeapVerifier(objects, tags) : null;
        this.sanity = debug ? new LiveSetSanity(objects, tags) : null;
        this.starts = new ObjectStartMap(objects, this.sources.stream().anyMatch(RootSource::reportsPinningRoots));
    }

    /**
     * Adds weak processing to every pause from now on: collectors reach it through the scope, its
     * strong cells join the roots, and the debug live-set check ignores the words of the shapes
     * {@code weakShape} names (reference processing rewrites them).
     */
    public void references(ReferenceProcessor references, java.util.function.IntPredicate weakShape) {
        this.references = references;
        if (sanity != null) {
            sanity.ignoreWordsOf(weakShape);
        }
    }

    /** The object-start map behind {@code RootScanContext.objectContaining}; for tests and tools. */
    public ObjectStartMap objectStarts() {
        return starts;
    }

    @Override
    public void stopRequested(long number, String reason, long requestNanos) {
        clock.reset();
        events.stopRequested();
        this.reason = reason;
        this.requestNanos = requestNanos;
        enter(number, GcPhase.STOP_REQUESTED, requestNanos);
    }

    @Override
    public void runPause(long number, String reason, PauseKind kind, List<MutatorState> mutators, long stoppedNanos) {
        this.stoppedNanos = stoppedNanos;
        this.kind = kind;
        enter(number, GcPhase.MUTATORS_STOPPED, stoppedNanos);
        List<MutatorStackView> stacks = new ArrayList<>(mutators.size());
        for (MutatorState m : mutators) {
            m.context().flush();
            stacks.add(m.stack());
        }
        starts.invalidate();
        RootContext context = new RootContext(List.copyOf(stacks), globals, tags, objects, starts);
        usedBefore = collector.usage().usedBytes();
        String what = debug ? (kind == PauseKind.FULL ? "collection #" : "incremental step #") + number + " (" + reason + ")"
                : null; // names the pause in verifier messages only
        RootEnumeration roots = debug ? new RootEnumeration(stacks, globals, sources, context) : null;
        LiveSetSanity.Snapshot before = null;
        if (debug) {
            enter(number, GcPhase.VERIFY, System.nanoTime());
            verifier.verify("before " + what, roots, false);
            before = sanity.snapshot(roots);
        }
        pins.reset();
        Scope scope = new Scope(number, reason, context, sources, debug, phase -> collectorPhase(number, phase), pins)
                .withReferences(references);
        if (kind == PauseKind.FULL) {
            collector.collect(scope);
        } else {
            collector.collectIncrement(scope);
        }
        starts.invalidate();
        collected = scope.kind();
        apiPins.dropDead(starts);  // a pinned object that died leaves no pin behind for its address
        liveObjects = kind == PauseKind.FULL ? collector.liveObjects() : -1;
        pinnedObjects = pins.distinctPinned();
        if (debug) {
            enter(number, GcPhase.VERIFY, System.nanoTime());
            verifier.verify("after " + what, roots, kind == PauseKind.FULL);
            LiveSetSanity.Snapshot after = sanity.snapshot(roots);
            sanity.compare(before, after, what);
            liveObjects = liveObjects >= 0 || kind != PauseKind.FULL ? liveObjects : after.size();
        }
        usageAfter = collector.usage();
        for (MutatorState m : mutators) {
            m.context().reset();
        }
        enter(number, GcPhase.RESTARTING, System.nanoTime());
    }

    @Override
    public void finished(long number, long releaseNanos, Throwable failure) {
        clock.stop(releaseNanos);
        if (failure != null) {
            events.discarded();
            return;
        }
        events.released();
        long ttsp = stoppedNanos - requestNanos;
        long pause = releaseNanos - requestNanos;
        totals.recordCollection(ttsp, pause, usageAfter);
        CollectionRecord record = new CollectionRecord(number, collector.name(), reason, ttsp, pause, usedBefore,
                usageAfter.usedBytes(), liveObjects, pinnedObjects, clock.totals(), collected);
        ended.put(number, record);
        events.commit(record);
    }

    @Override
    public void resumed(long number, Throwable failure) {
        CollectionRecord record = ended.remove(number);
        if (record != null) {
            for (GcListener listener : listeners) {
                listener.collectionEnded(record);
            }
        }
    }

    @Override
    public void abandoned(long number) {
        clock.reset();
        events.discarded();
    }

    /** A phase the collector announced; one that may change the heap's cells invalidates the object-start map. */
    private void collectorPhase(long number, GcPhase phase) {
        if (!KEEPS_CELLS.contains(phase)) {
            starts.invalidate();
        }
        enter(number, phase, System.nanoTime());
    }

    private void enter(long number, GcPhase phase, long now) {
        clock.enter(phase, now);
        events.phase(number, phase);
        for (GcListener listener : listeners) {
            listener.phaseStarted(number, phase);
        }
    }
}
