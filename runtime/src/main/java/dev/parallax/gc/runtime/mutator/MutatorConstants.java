package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.runtime.handshake.PauseKind;
import dev.parallax.gc.runtime.handshake.SafepointCoordinator;

import java.lang.foreign.MemorySegment;

/**
 * The per-runtime constants of the mutator fast path: the class data of the runtime's specialised
 * mutator class (see {@link MutatorClass}). A record, so that the JIT trusts its fields as constants
 * once the record itself is one: with {@code K} a static final of the specialised class,
 * {@code K.memory()} is a constant segment (base, size and liveness checks folded),
 * {@code K.debug()} a constant branch, {@code K.tags()} a constant receiver whose methods inline.
 *
 * @param memory            the runtime's memory: heap at offset 0, then the mutator stacks
 * @param heapBase          the heap's first address ({@code memory.address()})
 * @param headerBytes       bytes before an object's body (8, or 16 with object ids)
 * @param objectIds         whether new objects get an identity word
 * @param debug             whether every call is validated
 * @param barrier           the write barrier, or null
 * @param allocationInterval poll at every N-th allocation (0: never)
 * @param stressKind        the pause a stress point runs: an increment on an incremental collector, else a full collection
 * @param env               everything else, for the slow paths
 */
public record MutatorConstants(MemorySegment memory, long heapBase, long headerBytes, boolean objectIds,
                               boolean debug, TagScheme tags, WriteBarrier barrier, SafepointCoordinator coordinator,
                               int allocationInterval, int backEdgeInterval, int functionEntryInterval,
                               boolean stressAllocation, boolean stressPoll, int stressInterval,
                               PauseKind stressKind, MutatorEnvironment env) {

    public static MutatorConstants of(MutatorEnvironment env) {
        StressMode stress = env.config().stress();
        return new MutatorConstants(env.memory(), env.memory().address(), env.objects().headerBytes(),
                env.objects().hasObjectIds(), env.config().debug(), env.tags(), env.barrier(), env.coordinator(),
                env.polls().allocationInterval(), env.polls().backEdgeInterval(), env.polls().functionEntryInterval(),
                stress == StressMode.ALLOCATION, stress == StressMode.POLL, env.config().stressInterval(),
                env.collector().isIncremental() ? PauseKind.INCREMENT : PauseKind.FULL, env);
    }
}
