package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.HeapExhaustedException;
import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.AllocationSemantics;
import dev.parallax.gc.api.collector.MutatorContext;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.runtime.handshake.CollectOutcome;
import dev.parallax.gc.runtime.handshake.MutatorState;
import dev.parallax.gc.runtime.handshake.PauseKind;
import dev.parallax.gc.runtime.handshake.SafepointCoordinator;
import dev.parallax.gc.runtime.jfr.JfrEvents;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.lang.foreign.ValueLayout;

/**
 * A mutator's allocation slow path, taken when its buffer has no room (or the object is large, or
 * has other than default semantics): an incremental step if the collector wants one, then the
 * collector's {@link MutatorContext} allocates (refilling the buffer, or from wherever the object
 * belongs); on failure a collection with the allocation retried inside its pause, so that other
 * mutators cannot take the space it freed; if that fails and the collector may have made it a
 * partial collection, a second one, full, the same way; if even that fails, {@link HeapExhaustedException}
 * (and a JFR {@code dev.parallax.gc.AllocationFailure} event). A refilled buffer is zeroed in bulk,
 * so objects bumped from it need only their header written; any other block is zeroed alone.
 *
 * <p>Owned by one mutator; kept out of the specialised mutator class because it is cold.
 */
final class AllocationSlowPath implements Runnable {
    /** Up to this many bytes are zeroed word by word; more by bulk copies from {@link #ZEROS}. */
    private static final long ZERO_LOOP_BYTES = 128;
    /**
     * The pauses an allocation that finds no room asks for before it reports the heap exhausted: a
     * collector that {@link Collector#mayCollectPartially may} makes the first a partial collection
     * (a generational minor one), never the second.
     */
    private static final List<String> PARTIAL_THEN_FULL = List.of("allocation failure", "allocation failure (full)");
    private static final List<String> FULL_ONLY = List.of("allocation failure");
    /** With soft references: a last collection, under memory pressure, clears them before the heap is exhausted. */
    private static final List<String> FULL_THEN_SOFT = List.of("allocation failure", "allocation failure (full)");
    private static final long ZERO_CHUNK_BYTES = 4096;
    /** Zeroed memory that lives as long as the JVM: the source of bulk zeroing (no slice per allocation). */
    private static final MemorySegment ZEROS = Arena.global().allocate(ZERO_CHUNK_BYTES, 8);
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;

    private final String name;
    private final MutatorEnvironment env;
    private final ObjectModel objects;
    private final MemorySegment heap;
    private final long heapBase;
    private final long heapBytes;
    private final Collector collector;
    private final SafepointCoordinator coordinator;
    private final MutatorState state;
    private final MutatorContext context;
    private final AllocationBuffer buffer;
    // the allocation retried inside an allocation-failure pause: request, result, heap account on failure
    private long retryBytes;
    private AllocationSemantics retrySemantics;
    private long retryAddress;
    private HeapUsage retryUsage;

    AllocationSlowPath(String name, MutatorEnvironment env, MutatorState state) {
        this.name = name;
        this.env = env;
        this.objects = env.objects();
        this.heap = objects.heap();
        this.heapBase = objects.base();
        this.heapBytes = objects.capacity();
        this.collector = env.collector();
        this.coordinator = env.coordinator();
        this.state = state;
        this.context = state.context();
        this.buffer = context.buffer();
    }

    /**
     * Allocates {@code bytes} with {@code semantics} after the mutator has polled: returns the
     * address of zeroed memory. <i>Safepoint</i> (an incremental step or a collection may run).
     *
     * @throws IllegalArgumentException when the collector has no space for the semantics
     */
    long allocate(long bytes, AllocationSemantics semantics) {
        if (collector.incrementDue()) {
            coordinator.collect(state, "increment", PauseKind.INCREMENT);
        }
        for (String reason : collector.mayCollectPartially() ? PARTIAL_THEN_FULL
                : env.softReferences().getAsBoolean() ? FULL_THEN_SOFT : FULL_ONLY) {
            while (true) {
                long address = allocateFromCollector(bytes, semantics);
                if (address != 0) {
                    return address;
                }
                retryBytes = bytes;
                retrySemantics = semantics;
                retryAddress = 0;
                if (coordinator.collect(state, reason, PauseKind.FULL, this) == CollectOutcome.RAN) {
                    break;
                }
                // joined another thread's pause: retry outside it, then collect ourselves if still needed
            }
            if (retryAddress != 0) {
                return retryAddress;
            }
        }
        env.outOfMemory().run();
        JfrEvents.allocationFailure(name, collector.name(), bytes, retryUsage);
        throw new HeapExhaustedException(name, bytes, retryUsage, collector.name());
    }

    /** Runs inside an allocation-failure pause, after the collection: the retry nobody can race. */
    @Override
    public void run() {
        retryAddress = allocateFromCollector(retryBytes, retrySemantics);
        retryUsage = retryAddress == 0 ? collector.usage() : null;
    }

    /**
     * The collector's context allocates; the memory it hands out is zeroed here: a refilled buffer
     * (the object bumped first from it) in bulk, once, any other block alone. 0 when it has no room.
     */
    private long allocateFromCollector(long bytes, AllocationSemantics semantics) {
        long address;
        try {
            address = context.allocate(bytes, semantics);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("mutator '" + name + "': " + e.getMessage(), e);
        }
        if (address == 0) {
            return 0;
        }
        if (address + bytes == buffer.cursor() && buffer.limit() >= buffer.cursor()) {
            checkCollectorBlock(address, buffer.limit() - address);
            // a fresh buffer: zeroed once, in bulk, so objects bumped from it need only their header
            // written; up to where the collector says it is zero already
            long zeroedFrom = Math.max(address, Math.min(buffer.zeroedFrom(), buffer.limit()));
            zero(address - heapBase, zeroedFrom - address);
            if (objects.debug()) {
                checkZeroed(zeroedFrom, buffer.limit());
            }
        } else {
            checkCollectorBlock(address, bytes);
            zero(address - heapBase, bytes);
        }
        return address;
    }

    private long checkCollectorBlock(long address, long bytes) {
        if (address != 0 && ((address & (HeaderLayout.ALIGNMENT - 1)) != 0 || address < heapBase
                || address - heapBase > heapBytes - bytes)) {
            throw new IllegalStateException(String.format(
                    "collector '%s' handed out a block of %d bytes at 0x%x, outside the heap or misaligned",
                    collector.name(), bytes, address));
        }
        return address;
    }

    /** Debug mode: the collector's claim that {@code [from, to)} is zero holds. */
    private void checkZeroed(long from, long to) {
        for (long a = from; a < to; a += HeaderLayout.WORD_BYTES) {
            long word = heap.get(WORD, a - heapBase);
            if (word != 0) {
                throw new IllegalStateException(String.format("collector '%s' handed out a buffer said to be zero "
                        + "from 0x%x to 0x%x, but the word at 0x%x is 0x%x", collector.name(), from, to, a, word));
            }
        }
    }

    /** Zeroes {@code bytes} (a multiple of 8) from heap offset {@code offset}, allocating nothing. */
    private void zero(long offset, long bytes) {
        if (bytes <= ZERO_LOOP_BYTES) {
            for (long o = offset; o < offset + bytes; o += HeaderLayout.WORD_BYTES) {
                heap.set(WORD, o, 0L);
            }
            return;
        }
        for (long done = 0; done < bytes; done += ZERO_CHUNK_BYTES) {
            MemorySegment.copy(ZEROS, 0, heap, offset + done, Math.min(ZERO_CHUNK_BYTES, bytes - done));
        }
    }
}
