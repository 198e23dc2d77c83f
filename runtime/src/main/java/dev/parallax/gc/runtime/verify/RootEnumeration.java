package dev.parallax.gc.runtime.verify;

import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.runtime.globals.GlobalTable;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Every root of a stopped runtime, enumerated independently of the collector: each stack-map
 * reference slot of each mutator, each registered global cell, and then whatever the configured
 * root sources report beyond those (slots elsewhere, pinning roots). Debug code: it allocates.
 */
public final class RootEnumeration {
    /** Receives one root and the word it holds: a tagged word, or for a pinning root the object's address. */
    @FunctionalInterface
    public interface Sink {
        void root(Root root, long word);
    }

    private final List<? extends MutatorStackView> stacks;
    private final GlobalTable globals;
    private final List<RootSource> sources;
    private final RootScanContext context;

    public RootEnumeration(List<? extends MutatorStackView> stacks, GlobalTable globals, List<RootSource> sources,
                           RootScanContext context) {
        this.stacks = stacks;
        this.globals = globals;
        this.sources = sources;
        this.context = context;
    }

    /** The stack slots and globals only: the roots a program declared, whatever the root sources are. */
    public void forEachDeclared(Sink sink) {
        for (MutatorStackView stack : stacks) {
            stackRoots(stack, sink);
        }
        for (int cell = 0; cell < globals.capacity(); cell++) {
            if ((globals.registeredMap(cell >>> 6) & (1L << cell)) != 0) {
                sink.root(new Root(Root.Where.GLOBAL, null, cell, globals.nameOf(cell)),
                        globals.cells().get(ValueLayout.JAVA_LONG, (long) cell << 3));
            }
        }
    }

    /** Declared roots, then the root sources' reports outside the stacks and the global table. */
    public void forEach(Sink sink) {
        forEachDeclared(sink);
        for (RootSource source : sources) {
            source.scanRoots(context, new SourceVisitor(source.name(), sink));
        }
    }

    /** Each frame's reference slots, by its frame shape; a corrupt frame header ends the walk. */
    private static void stackRoots(MutatorStackView stack, Sink sink) {
        long top = stack.topWord();
        for (long header = 0; header < top; ) {
            FrameShape shape = stack.frameShape(header);
            if (shape == null) {
                throw new HeapCorruptionException("mutator '" + stack.mutatorName() + "': the frame header at stack word "
                        + header + " names frame shape id " + stack.frameShapeId(header) + ", which is not defined");
            }
            for (int slot = 0; slot < shape.slots(); slot++) {
                if (shape.isReference(slot)) {
                    long w = header + 1 + slot;
                    sink.root(new Root(Root.Where.STACK, stack, w, null), stack.words().get(ValueLayout.JAVA_LONG, w << 3));
                }
            }
            header += 1 + shape.slots();
        }
    }

    private boolean isDeclaredRegion(MemorySegment region) {
        if (region.address() == globals.cells().address()) {
            return true;
        }
        for (MutatorStackView stack : stacks) {
            if (region.address() == stack.words().address()) {
                return true;
            }
        }
        return false;
    }

    /** Forwards a root source's reports, skipping slots that {@link #forEachDeclared} already covers. */
    private final class SourceVisitor implements RootVisitor {
        private final String source;
        private final Sink sink;

        SourceVisitor(String source, Sink sink) {
            this.source = source;
            this.sink = sink;
        }

        @Override
        public void visitSlot(MemorySegment region, long offset) {
            if (!isDeclaredRegion(region)) {
                sink.root(new Root(Root.Where.SOURCE_SLOT, null, region.address() + offset, source),
                        region.get(ValueLayout.JAVA_LONG, offset));
            }
        }

        @Override
        public void visitPinningRoot(long object) {
            sink.root(new Root(Root.Where.PINNING, null, object, source), object);
        }
    }
}
