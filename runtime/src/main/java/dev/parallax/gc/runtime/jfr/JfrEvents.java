package dev.parallax.gc.runtime.jfr;

import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcPhase;
import jdk.jfr.FlightRecorder;

/**
 * Java Flight Recorder events for parallax-gc's pauses, shown in JDK Mission Control or by
 * {@code jfr print} beside the JVM's own GC events, under the category "Parallax GC":
 * <ul>
 *   <li>{@code dev.parallax.gc.Collection}: one per pause (number, collector, reason, pause kind
 *       {@code full} or {@code increment}, time-to-safepoint, heap used before and after, live and
 *       pinned objects); its duration is the pause, from the stop request to the release;</li>
 *   <li>{@code dev.parallax.gc.Phase}: one per phase entered within a pause (collection number and
 *       {@code GcPhase} name); its duration is the phase;</li>
 *   <li>{@code dev.parallax.gc.AllocationFailure}: an allocation refused with
 *       {@code HeapExhaustedException} (mutator, requested bytes, the heap's figures after the full
 *       collection that could not make room), with the allocating stack.</li>
 * </ul>
 * To record a benchmark run and print the events:
 * <pre>{@code
 * PARALLAX_JAVA_OPTS="-XX:StartFlightRecording=filename=gc.jfr" ./parallax bench
 * jfr print --events 'dev.parallax.gc.*' gc.jfr
 * }</pre>
 * In-process, enable them on a {@code jdk.jfr.Recording} by these names.
 *
 * <p>The figures come from the runtime's own measurements (the pause's {@link CollectionRecord});
 * only the events' start and duration are JFR's timestamps, read when the driver's phase clock
 * reads its own, because JFR lets no user event set them. With no recording running, a pause costs
 * one or two field reads per phase and allocates nothing here; a JVM in which Flight Recorder was
 * never started does not even load the event classes. One instance per runtime, used by the
 * collecting thread only (the handshake runs one pause at a time).
 */
public final class JfrEvents {
    /** The pause in progress, begun at its stop request; null when no recording wanted it. */
    private CollectionEvent collection;
    /** The phase in progress; null when none is open or no recording wanted it. */
    private PhaseEvent phase;

    /** A pause starts: the stop flag was just raised. */
    public void stopRequested() {
        phase = null;
        collection = null;
        if (recorderStarted() && Probes.COLLECTION.isEnabled()) {
            collection = new CollectionEvent();
            collection.begin();
        }
    }

    /** {@code next} starts now in pause {@code number}: the phase in progress ends. */
    public void phase(long number, GcPhase next) {
        endPhase();
        if (recorderStarted() && Probes.PHASE.isEnabled()) {
            phase = new PhaseEvent();
            phase.collection = number;
            phase.phase = next.name();
            phase.begin();
        }
    }

    /** The pause ends now (the mutators are about to be released): the last phase and the pause stop timing. */
    public void released() {
        endPhase();
        if (collection != null) {
            collection.end();
        }
    }

    /** Commits the pause that was {@link #released}: {@code record} is its account. */
    public void commit(CollectionRecord record) {
        CollectionEvent event = collection;
        collection = null;
        if (event != null && event.shouldCommit()) {
            event.number = record.number();
            event.collector = record.collector();
            event.reason = record.reason();
            event.pauseKind = record.kind();
            event.timeToSafepoint = record.timeToSafepointNanos();
            event.usedBefore = record.usedBytesBefore();
            event.usedAfter = record.usedBytesAfter();
            event.liveObjects = record.liveObjects();
            event.pinnedObjects = record.pinnedObjects();
            event.commit();
        }
    }

    /** The pause failed or was abandoned: its open events are dropped, phases already ended stay. */
    public void discarded() {
        phase = null;
        collection = null;
    }

    /** Records an allocation of {@code requestedBytes} refused after a full collection left {@code usage}. */
    public static void allocationFailure(String mutator, String collector, long requestedBytes, HeapUsage usage) {
        if (!recorderStarted() || !Probes.FAILURE.isEnabled()) {
            return;
        }
        AllocationFailureEvent event = new AllocationFailureEvent();
        event.mutator = mutator;
        event.collector = collector;
        event.requestedBytes = requestedBytes;
        event.capacityBytes = usage.capacityBytes();
        event.usedBytes = usage.usedBytes();
        event.freeBytes = usage.freeBytes();
        event.largestFreeBytes = usage.largestFreeBytes();
        event.commit();
    }

    /**
     * Whether Flight Recorder was started in this JVM (no recording can run before): one volatile
     * read that spares a JVM that never records from loading the event classes, whose first load
     * makes JFR instrument them (hundreds of milliseconds of class loading).
     */
    private static boolean recorderStarted() {
        return FlightRecorder.isInitialized();
    }

    private void endPhase() {
        PhaseEvent open = phase;
        phase = null;
        if (open != null) {
            open.commit();  // ends it now; commit skips it unless a recording still wants it
        }
    }

    /** Never-committed events that ask JFR, without allocating, whether a recording wants each event. */
    private static final class Probes {
        static final CollectionEvent COLLECTION = new CollectionEvent();
        static final PhaseEvent PHASE = new PhaseEvent();
        static final AllocationFailureEvent FAILURE = new AllocationFailureEvent();
    }
}
