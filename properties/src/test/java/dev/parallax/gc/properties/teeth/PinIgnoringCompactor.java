package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.collectors.markcompact.MarkCompactCollector;

/**
 * A deliberately broken collector: mark-compact that claims to support pinning but clears every
 * API pin before it compacts, so pinned objects slide like any other.
 */
public final class PinIgnoringCompactor extends DelegatingCollector {
    public static final String NAME = "mark-compact-ignoring-pins";

    private ObjectModel objects;

    public PinIgnoringCompactor() {
        super(new MarkCompactCollector());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void initialize(ObjectModel objects, TagScheme tags) {
        this.objects = objects;
        delegate.initialize(objects, tags);
    }

    /** The heap is parsable here (every buffer retired): a walk clears the pins, then the real collection runs. */
    @Override
    public void collect(CollectionScope scope) {
        for (long cell = objects.base(); cell < objects.limit(); cell += objects.cellBytes(cell)) {
            objects.clearBits(cell, HeaderLayout.PINNED_BIT);
        }
        delegate.collect(scope);
    }
}
