package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.runtime.handshake.SafepointCoordinator;
import dev.parallax.gc.runtime.safepoint.PollSchedule;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What every mutator of one runtime shares.
 *
 * @param barrier      the collector's write barrier, or null when its constraints need none
 * @param allocationBits the collector's allocation header bits as of the latest pause
 * @param objectIds    the next unhanded object id; mutators take ids from it in blocks
 * @param outOfMemory  counts an allocation refused with HeapExhaustedException
 * @param onClose      called once when a mutator has detached, to fold its counters into the runtime's
 */
public record MutatorEnvironment(GcConfig config, ObjectModel objects, TagScheme tags, Collector collector,
                                 WriteBarrier barrier, AllocationBits allocationBits, SafepointCoordinator coordinator,
                                 PollSchedule polls,
                                 AtomicLong objectIds, Runnable outOfMemory, Consumer<MutatorImpl> onClose) {
}
