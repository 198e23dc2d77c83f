package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.reference.ReferenceTracer;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.collectors.marksweep.MarkSweepCollector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * A deliberately broken collector: mark-sweep whose reference processing judges liveness as if it
 * ran right after the roots were marked, before the closure: only objects a root names count as
 * live, so a weak referent reachable through the heap is cleared while strongly reachable (and an
 * object with a finalizer reachable that way is finalized while still in use).
 */
public final class EarlyReferenceProcessing extends DelegatingCollector {
    public static final String NAME = "mark-sweep-early-references";

    private TagScheme tags;

    public EarlyReferenceProcessing() {
        super(new MarkSweepCollector());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void initialize(ObjectModel objects, TagScheme tags) {
        this.tags = tags;
        delegate.initialize(objects, tags);
    }

    @Override
    public void collect(CollectionScope scope) {
        delegate.collect(new EarlyScope(scope));
    }

    /** The pause, with the targets of its root slots recorded and a liveness test that knows only them. */
    private final class EarlyScope implements CollectionScope {
        private final CollectionScope real;
        private final Set<Long> rootTargets = new HashSet<>();

        EarlyScope(CollectionScope real) {
            this.real = real;
        }

        @Override
        public void scanRoots(RootVisitor visitor) {
            real.scanRoots(new RootVisitor() {
                @Override
                public void visitSlot(MemorySegment region, long offset) {
                    long word = region.get(ValueLayout.JAVA_LONG, offset);
                    if (tags.isPointer(word)) {
                        rootTargets.add(tags.untag(word));
                    }
                    visitor.visitSlot(region, offset);
                }

                @Override
                public void visitPinningRoot(long object) {
                    rootTargets.add(object);
                    visitor.visitPinningRoot(object);
                }
            });
        }

        @Override
        public void processReferences(ReferenceTracer tracer) {
            real.processReferences(new ReferenceTracer() {
                @Override
                public boolean isLive(long object) {
                    return rootTargets.contains(object) && tracer.isLive(object);
                }

                @Override
                public long forwarded(long object) {
                    return tracer.forwarded(object);
                }

                @Override
                public long retain(long object) {
                    return tracer.retain(object);
                }

                @Override
                public void closure() {
                    tracer.closure();
                }
            });
        }

        @Override
        public void forwardReferences(LongUnaryOperator newAddress) {
            real.forwardReferences(newAddress);
        }

        @Override
        public ObjectModel objects() {
            return real.objects();
        }

        @Override
        public TagScheme tags() {
            return real.tags();
        }

        @Override
        public void phase(GcPhase phase) {
            real.phase(phase);
        }

        @Override
        public void collects(String kind) {
            real.collects(kind);
        }

        @Override
        public long objectContaining(long address) {
            return real.objectContaining(address);
        }

        @Override
        public boolean poisonFreedMemory() {
            return real.poisonFreedMemory();
        }

        @Override
        public String reason() {
            return real.reason();
        }

        @Override
        public long number() {
            return real.number();
        }
    }
}
