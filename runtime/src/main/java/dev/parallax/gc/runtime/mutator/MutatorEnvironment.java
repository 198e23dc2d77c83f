package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.stack.FrameShapeTable;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.runtime.collection.PinTable;
import dev.parallax.gc.runtime.handshake.SafepointCoordinator;
import dev.parallax.gc.runtime.safepoint.PollSchedule;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What every mutator of one runtime shares.
 *
 * @param memory       the runtime's memory: the heap from offset 0, then one stack region per mutator
 * @param barrier      the collector's write barrier, or null when its constraints need none
 * @param objectIds    the next unhanded object id; mutators take ids from it in blocks
 * @param outOfMemory  counts an allocation refused with HeapExhaustedException
 * @param onClose      called once when a mutator has detached, to release its stack and keep its counts
 * @param pins         the runtime's pin counts
 * @param softReferences whether the runtime tracks soft references now: an allocation that still
 *                     fails after its collection then gets one more, which clears them
 */
public record MutatorEnvironment(GcConfig config, MemorySegment memory, ObjectModel objects, FrameShapeTable frames,
                                 TagScheme tags, Collector collector, WriteBarrier barrier,
                                 SafepointCoordinator coordinator, PollSchedule polls, AtomicLong objectIds,
                                 Runnable outOfMemory, Consumer<AttachedMutator> onClose, PinTable pins,
                                 java.util.function.BooleanSupplier softReferences) {
}
