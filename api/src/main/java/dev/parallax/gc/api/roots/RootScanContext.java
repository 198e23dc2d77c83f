package dev.parallax.gc.api.roots;

import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;

import java.util.List;

/**
 * What the runtime shows root sources during a stop-the-world pause: every mutator's stack, the
 * global table, the tag scheme, and a way to resolve an arbitrary word to an object.
 */
public interface RootScanContext {
    /** The stacks of all attached mutators, each parked or blocked. */
    List<? extends MutatorStackView> stacks();

    GlobalRootsView globals();

    TagScheme tags();

    ObjectModel objects();

    /**
     * The start of the allocated object that contains {@code address} (its start or an interior
     * address), or 0 when {@code address} is outside the heap, in free memory, or in an allocation
     * buffer's unused part. For conservative scanning; never throws.
     */
    long objectContaining(long address);
}
