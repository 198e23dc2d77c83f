package dev.parallax.gc.properties.run;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.roots.MutatorStackView;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Records, inside every pause of a single-mutator runtime, the heap and the mutator's stack before
 * the collector runs (when the mutators have stopped; the mutator's allocation buffer tail is
 * stepped over, it is not formatted yet) and the heap after it (when the runtime is about to
 * restart; every buffer is retired by then). Also counts pauses by reason into a tally. The
 * recording runs on the collecting thread and never throws; the checks run later, on the mutator's
 * thread, from {@link #drain()}.
 */
final class PauseRecorder implements GcListener {
    /**
     * One pause as recorded.
     *
     * @param number     the collection number
     * @param before     the heap when the mutators had stopped
     * @param stackWords every live word of the mutator's stack then (frame headers included)
     * @param after      the heap when the runtime was about to restart the mutators
     */
    record Pause(long number, HeapSnapshot before, long[] stackWords, HeapSnapshot after) {
    }

    private final ObjectModel objects;
    private final MutatorStackView stack;
    private final AllocationBuffer buffer;
    private final Coverage.Tally tally;
    private final List<Pause> done = new ArrayList<>();
    private long number = -1;
    private HeapSnapshot before;
    private long[] words;

    /** @param buffer the mutator's allocation buffer, whose unused tail the walk before the collection skips */
    PauseRecorder(ObjectModel objects, MutatorStackView stack, AllocationBuffer buffer, Coverage.Tally tally) {
        this.objects = objects;
        this.stack = stack;
        this.buffer = buffer;
        this.tally = tally;
    }

    @Override
    public synchronized void phaseStarted(long collection, GcPhase phase) {
        if (phase == GcPhase.MUTATORS_STOPPED) {
            number = collection;
            before = HeapSnapshot.take(objects, buffer.cursor(), buffer.limit());
            words = stack.words().asSlice(0, stack.topWord() * Long.BYTES).toArray(ValueLayout.JAVA_LONG);
        } else if (phase == GcPhase.RESTARTING && collection == number) {
            done.add(new Pause(number, before, words, HeapSnapshot.take(objects, 0, 0)));
            number = -1;
        }
    }

    @Override
    public void collectionEnded(CollectionRecord record) {
        tally.pause(record.reason());
    }

    /** The pauses recorded since the last call, oldest first. */
    synchronized List<Pause> drain() {
        List<Pause> out = List.copyOf(done);
        done.clear();
        return out;
    }
}
