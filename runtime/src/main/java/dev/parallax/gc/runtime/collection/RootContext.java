package dev.parallax.gc.runtime.collection;

import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.roots.GlobalRootsView;
import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.runtime.heap.ObjectStartMap;

import java.util.List;

/**
 * What root sources see in one pause: the stopped mutators' stacks, the global table, the heap.
 *
 * @param starts the pause's object-start map, invalidated by the driver whenever the cells may change
 */
record RootContext(List<? extends MutatorStackView> stacks, GlobalRootsView globals, TagScheme tags,
                   ObjectModel objects, ObjectStartMap starts) implements RootScanContext {

    /** Valid because every allocation buffer was retired at the start of the pause. */
    @Override
    public long objectContaining(long address) {
        return starts.objectContaining(address);
    }
}
