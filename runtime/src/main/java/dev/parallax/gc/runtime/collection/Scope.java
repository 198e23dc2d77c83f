package dev.parallax.gc.runtime.collection;

import dev.parallax.gc.api.reference.ReferenceTracer;
import dev.parallax.gc.runtime.reference.ReferenceProcessor;
import java.util.function.LongUnaryOperator;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;

import java.util.List;
import java.util.function.Consumer;

/**
 * The {@link CollectionScope} of one pause: runs the configured root sources in config order,
 * counting the distinct pinning roots they report.
 */
final class Scope implements CollectionScope {
    private final long number;
    private final String reason;
    private final RootScanContext roots;
    private final List<RootSource> sources;
    private final boolean poison;
    private final Consumer<GcPhase> phases;
    private final PinCounter pins;
    private String kind = "full";
    /** The runtime's weak processing; null when the runtime has none. */
    private ReferenceProcessor references;

    /** @param pins reset by the caller for this pause; counts across every {@link #scanRoots} call */
    Scope(long number, String reason, RootScanContext roots, List<RootSource> sources, boolean poison,
          Consumer<GcPhase> phases, PinCounter pins) {
        this.number = number;
        this.reason = reason;
        this.roots = roots;
        this.sources = sources;
        this.poison = poison;
        this.phases = phases;
        this.pins = pins;
    }

    /** Adds the runtime's reference processing to this pause: its strong cells join the roots. */
    Scope withReferences(ReferenceProcessor references) {
        this.references = references;
        return this;
    }

    @Override
    public void processReferences(ReferenceTracer tracer) {
        if (references != null && references.tracked() > 0) {
            phases.accept(GcPhase.REFERENCES);
            references.process(tracer, reason);
        }
    }

    @Override
    public void forwardReferences(LongUnaryOperator newAddress) {
        if (references != null) {
            references.forward(newAddress);
        }
    }

    @Override
    public void collects(String kind) {
        this.kind = kind;
    }

    /** What the pause collected: the collector's name for it, else "full". */
    String kind() {
        return kind;
    }

    @Override
    public ObjectModel objects() {
        return roots.objects();
    }

    @Override
    public TagScheme tags() {
        return roots.tags();
    }

    @Override
    public void scanRoots(RootVisitor visitor) {
        RootVisitor counting = pins.wrap(visitor);
        for (RootSource source : sources) {
            source.scanRoots(roots, counting);
        }
        if (references != null) {
            references.scanRoots(counting);
        }
    }

    @Override
    public long objectContaining(long address) {
        return roots.objectContaining(address);
    }

    @Override
    public void phase(GcPhase phase) {
        phases.accept(phase);
    }

    @Override
    public boolean poisonFreedMemory() {
        return poison;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public long number() {
        return number;
    }
}
