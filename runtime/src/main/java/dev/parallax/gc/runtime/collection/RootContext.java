package dev.parallax.gc.runtime.collection;

import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.roots.GlobalRootsView;
import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.runtime.heap.HeapWalk;

import java.util.List;

/** What root sources see in one pause: the stopped mutators' stacks, the global table, the heap. */
record RootContext(List<? extends MutatorStackView> stacks, GlobalRootsView globals, TagScheme tags,
                   ObjectModel objects) implements RootScanContext {

    /** A linear walk: valid because every allocation buffer was retired at the start of the pause. */
    @Override
    public long objectContaining(long address) {
        return HeapWalk.objectContaining(objects, address);
    }
}
