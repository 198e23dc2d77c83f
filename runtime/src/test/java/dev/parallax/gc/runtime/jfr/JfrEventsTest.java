package dev.parallax.gc.runtime.jfr;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.HeapExhaustedException;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import jdk.jfr.DataAmount;
import jdk.jfr.EventType;
import jdk.jfr.Recording;
import jdk.jfr.Timespan;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records real collections in-process with JFR, reads the file back and checks the events against the runtime's records. */
@Timeout(60)
class JfrEventsTest {
    private static final List<String> ALL = List.of(CollectionEvent.NAME, PhaseEvent.NAME, AllocationFailureEvent.NAME);

    @TempDir
    Path dir;

    @Test
    void markSweepPausesAreCollectionEventsWithTheirPhasesInOrder() throws IOException {
        Observed seen = new Observed();
        List<RecordedEvent> events = record(ALL, () -> {
            try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small()); Mutator m = runtime.attach("main")) {
                seen.listen(runtime);
                buildList(runtime, m, 500);
                for (int i = 0; i < 3; i++) {
                    m.collect();
                }
            }
        });
        assertEquals(3, seen.records.size());
        assertPausesMatch(seen, events);
        for (RecordedEvent c : named(events, CollectionEvent.NAME)) {
            assertEquals("full", c.getString("pauseKind"));
            assertEquals("requested", c.getString("reason"));
            assertEquals(500, c.getLong("liveObjects"));
        }
    }

    @Test
    void incrementalStepsAreIncrementPausesAndDebugVerifyIsTwoPhaseEvents() throws IOException {
        GcConfig config = TestRuntimes.small().withCollector("incremental").withDebug(true)
                .withOptions(Map.of("incremental.budget", "100", "incremental.trigger", "0.99"));
        Observed seen = new Observed();
        List<RecordedEvent> events = record(ALL, () -> {
            try (GcRuntimeImpl runtime = TestRuntimes.create(config); Mutator m = runtime.attach("main")) {
                seen.listen(runtime);
                buildList(runtime, m, 1000);                        // ten marking increments' worth
                for (int i = 0; i < 4; i++) {
                    m.collectStep();
                }
                m.collect();
            }
        });
        assertEquals(5, seen.records.size());
        assertPausesMatch(seen, events);
        List<RecordedEvent> collections = named(events, CollectionEvent.NAME);
        for (RecordedEvent c : collections.subList(0, 4)) {
            assertEquals("increment", c.getString("pauseKind"), c.toString());
            assertEquals("step", c.getString("reason"));
            assertEquals("incremental", c.getString("collector"));
        }
        assertEquals("full", collections.get(4).getString("pauseKind"));
        long verifies = phasesOf(events, 1).stream().filter(p -> p.getString("phase").equals("VERIFY")).count();
        assertEquals(2, verifies, "debug mode verifies before and after");
    }

    @Test
    void anAllocationRefusedForWantOfHeapIsAnAllocationFailureEvent() throws IOException {
        GcConfig config = TestRuntimes.small().withHeapBytes(256 * 1024);
        HeapExhaustedException[] thrown = new HeapExhaustedException[1];
        List<RecordedEvent> events = record(ALL, () -> {
            try (GcRuntimeImpl runtime = TestRuntimes.create(config); Mutator m = runtime.attach("main")) {
                m.pushFrame(1);
                m.setRef(0, m.allocateRawArray(4000));               // 32 KB live
                thrown[0] = assertThrows(HeapExhaustedException.class, () -> m.allocateRawArray(40_000));
            }
        });
        List<RecordedEvent> failures = named(events, AllocationFailureEvent.NAME);
        assertEquals(1, failures.size(), failures.toString());
        RecordedEvent failure = failures.getFirst();
        assertEquals("main", failure.getString("mutator"));
        assertEquals("mark-sweep", failure.getString("collector"));
        assertEquals(thrown[0].requestedBytes(), failure.getLong("requestedBytes"));
        assertEquals(thrown[0].usage().capacityBytes(), failure.getLong("capacityBytes"));
        assertEquals(thrown[0].usage().usedBytes(), failure.getLong("usedBytes"));
        assertEquals(thrown[0].usage().freeBytes(), failure.getLong("freeBytes"));
        assertEquals(thrown[0].usage().largestFreeBytes(), failure.getLong("largestFreeBytes"));
        assertNotNull(failure.getStackTrace(), "the allocating stack is recorded");
        assertTrue(failure.getStackTrace().getFrames().stream().map(RecordedFrame::getMethod)
                .anyMatch(method -> method.getName().equals("allocateRawArray")), failure.toString());
        assertEquals(1, named(events, CollectionEvent.NAME).size(), "the allocation-failure collection");
    }

    @Test
    void aDisabledEventIsNotRecorded() throws IOException {
        List<RecordedEvent> events = record(List.of(CollectionEvent.NAME), () -> {
            try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small()); Mutator m = runtime.attach("main")) {
                buildList(runtime, m, 10);
                m.collect();
                m.collect();
            }
        });
        assertEquals(2, named(events, CollectionEvent.NAME).size(), events.toString());
        assertEquals(0, named(events, PhaseEvent.NAME).size(), events.toString());
    }

    @Test
    void theEventsDescribeThemselvesForTools() throws IOException {
        List<RecordedEvent> events = record(ALL, () -> {
            try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small()); Mutator m = runtime.attach("main")) {
                m.collect();
            }
        });
        EventType collection = named(events, CollectionEvent.NAME).getFirst().getEventType();
        EventType phase = named(events, PhaseEvent.NAME).getFirst().getEventType();
        for (EventType type : List.of(collection, phase)) {
            assertEquals(List.of("Parallax GC"), type.getCategoryNames());
            assertNotNull(type.getLabel(), type.getName());
            assertNotNull(type.getDescription(), type.getName());
            for (ValueDescriptor field : type.getFields()) {
                assertNotNull(field.getLabel(), type.getName() + "." + field.getName());
            }
        }
        assertEquals(Timespan.class.getName(), collection.getField("timeToSafepoint").getContentType());
        assertEquals(Timespan.NANOSECONDS, collection.getField("timeToSafepoint").getAnnotation(Timespan.class).value());
        for (String bytes : List.of("usedBefore", "usedAfter")) {
            assertEquals(DataAmount.class.getName(), collection.getField(bytes).getContentType(), bytes);
        }
        assertTrue(collection.getField("number").getAnnotationElements().stream()
                .anyMatch(a -> a.getTypeName().equals("dev.parallax.gc.CollectionNumber")));
        assertTrue(phase.getField("collection").getAnnotationElements().stream()
                .anyMatch(a -> a.getTypeName().equals("dev.parallax.gc.CollectionNumber")));
    }

    // ---- checks -------------------------------------------------------------------------------

    /** One Collection event per record with its figures, and its phases, in announcement order, inside the pause. */
    private static void assertPausesMatch(Observed seen, List<RecordedEvent> events) {
        List<RecordedEvent> collections = named(events, CollectionEvent.NAME);
        assertEquals(seen.records.size(), collections.size(), collections.toString());
        for (int i = 0; i < collections.size(); i++) {
            RecordedEvent c = collections.get(i);
            CollectionRecord r = seen.records.get(i);
            assertEquals(r.number(), c.getLong("number"));
            assertEquals(r.collector(), c.getString("collector"));
            assertEquals(r.reason(), c.getString("reason"));
            assertEquals(r.timeToSafepointNanos(), c.getDuration("timeToSafepoint").toNanos());
            assertEquals(r.usedBytesBefore(), c.getLong("usedBefore"));
            assertEquals(r.usedBytesAfter(), c.getLong("usedAfter"));
            assertEquals(r.liveObjects(), c.getLong("liveObjects"));
            assertEquals(r.pinnedObjects(), c.getLong("pinnedObjects"));
            assertPhasesInsidePause(c, phasesOf(events, r.number()), seen.phases.get(r.number()));
        }
    }

    private static void assertPhasesInsidePause(RecordedEvent pause, List<RecordedEvent> phases, List<GcPhase> announced) {
        assertEquals(announced.stream().map(GcPhase::name).toList(),
                phases.stream().map(p -> p.getString("phase")).toList(), "phases in announcement order");
        assertEquals(GcPhase.STOP_REQUESTED, announced.getFirst());
        assertEquals(GcPhase.RESTARTING, announced.getLast());
        Duration sum = Duration.ZERO;
        Instant previousEnd = pause.getStartTime();
        for (RecordedEvent phase : phases) {
            assertFalse(phase.getStartTime().isBefore(previousEnd), "phases do not overlap: " + phases);
            previousEnd = phase.getEndTime();
            sum = sum.plus(phase.getDuration());
        }
        assertFalse(previousEnd.isAfter(pause.getEndTime()), "the last phase ends with the pause: " + pause);
        assertTrue(sum.compareTo(pause.getDuration()) <= 0, sum + " of phases in a pause of " + pause.getDuration());
        assertTrue(pause.getDuration().isPositive(), pause.toString());
    }

    // ---- recording ----------------------------------------------------------------------------

    /**
     * Runs {@code workload} on this thread under a recording of {@code enabled}, the other parallax
     * events disabled (an event no recording mentions is on by default); returns this thread's events.
     */
    private List<RecordedEvent> record(List<String> enabled, Runnable workload) throws IOException {
        Path file = dir.resolve("gc.jfr");
        try (Recording recording = new Recording()) {
            for (String name : ALL) {
                if (enabled.contains(name)) {
                    recording.enable(name);
                } else {
                    recording.disable(name);
                }
            }
            recording.start();
            workload.run();
            recording.stop();
            recording.dump(file);
        }
        long self = Thread.currentThread().threadId();
        List<RecordedEvent> mine = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().startsWith("dev.parallax.gc.") && e.getThread().getJavaThreadId() == self) {
                mine.add(e);
            }
        }
        mine.sort(Comparator.comparing(RecordedEvent::getStartTime));  // stable: ties keep commit order
        return mine;
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    private static List<RecordedEvent> phasesOf(List<RecordedEvent> events, long number) {
        return named(events, PhaseEvent.NAME).stream().filter(e -> e.getLong("collection") == number).toList();
    }

    /** A list of {@code length} cells rooted in slot 0 of a fresh frame. */
    private static void buildList(GcRuntimeImpl runtime, Mutator m, int length) {
        Shape cons = runtime.shapes().define("Cons", 2, 1);
        m.pushFrame(1);
        for (int i = 0; i < length; i++) {
            long cell = m.allocate(cons);
            m.writeRef(cell, 1, m.ref(0));
            m.setRef(0, cell);
        }
    }

    /** What the runtime's listener interface reports, to compare the events with. */
    private static final class Observed implements GcListener {
        final List<CollectionRecord> records = new CopyOnWriteArrayList<>();
        final Map<Long, List<GcPhase>> phases = new ConcurrentHashMap<>();

        void listen(GcRuntimeImpl runtime) {
            runtime.addListener(this);
        }

        @Override
        public void phaseStarted(long collection, GcPhase phase) {
            phases.computeIfAbsent(collection, n -> new CopyOnWriteArrayList<>()).add(phase);
        }

        @Override
        public void collectionEnded(CollectionRecord record) {
            records.add(record);
        }
    }
}
