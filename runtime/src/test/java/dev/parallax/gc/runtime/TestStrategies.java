package dev.parallax.gc.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.api.tags.ValueKind;
import dev.parallax.gc.collectors.marksweep.MarkSweepCollector;
import dev.parallax.gc.tagging.lowbit.LowBitTags;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Test-only strategies, offered through {@link #catalog()} next to the real ones (they are not in
 * META-INF/services, so no other test sees them): collectors that claim constraints the real ones
 * do not have, and assembly failures.
 */
public final class TestStrategies {
    private TestStrategies() {
    }

    /** The strategies on the class path plus the test-only ones below. */
    public static StrategyCatalog catalog() {
        List<StrategyProvider> all = new ArrayList<>();
        ServiceLoader.load(StrategyProvider.class).forEach(all::add);
        all.add(provider(Axis.COLLECTOR, "test-barrier", "mark-sweep with a counting write barrier",
                binding(Collector.class, BarrierCountingCollector.class)));
        all.add(provider(Axis.COLLECTOR, "test-unpinnable-mover", "claims to move objects and not to pin them",
                binding(Collector.class, UnpinnableMover.class)));
        all.add(provider(Axis.COLLECTOR, "test-no-binding", "binds nothing", new AbstractModule() { }));
        all.add(provider(Axis.COLLECTOR, "test-bad-option", "refuses its options",
                binding(Collector.class, OptionRefusingCollector.class)));
        all.add(provider(Axis.COLLECTOR, "test-root-dropping", "mark-sweep that loses the last root slot it is shown",
                binding(Collector.class, RootDroppingCollector.class)));
        all.add(provider(Axis.TAGS, "test-narrow", "cannot encode any heap address",
                binding(TagScheme.class, NarrowTags.class)));
        return StrategyCatalog.of(all);
    }

    private static <T> Module binding(Class<T> type, Class<? extends T> implementation) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(type).to(implementation);
            }
        };
    }

    private static StrategyProvider provider(Axis axis, String name, String description, Module module) {
        return new StrategyProvider() {
            @Override
            public Axis axis() {
                return axis;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Module module() {
                return module;
            }
        };
    }

    /** Mark-sweep under other constraints. */
    abstract static class DelegatingCollector implements Collector {
        final MarkSweepCollector delegate = new MarkSweepCollector();

        @Override
        public String name() {
            return getClass().getSimpleName();
        }

        @Override
        public void initialize(ObjectModel objects, TagScheme tags) {
            delegate.initialize(objects, tags);
        }

        @Override
        public boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
            return delegate.refill(buffer, minBytes, preferredBytes);
        }

        @Override
        public long allocateLarge(long bytes) {
            return delegate.allocateLarge(bytes);
        }

        @Override
        public void collect(CollectionScope scope) {
            delegate.collect(scope);
        }

        @Override
        public HeapUsage usage() {
            return delegate.usage();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** Needs a barrier; the barrier records every call as {object, field, old, new}. */
    public static final class BarrierCountingCollector extends DelegatingCollector {
        public final List<long[]> calls = new ArrayList<>();

        @Override
        public CollectorConstraints constraints() {
            return new CollectorConstraints(false, true, true, "counting");
        }

        @Override
        public WriteBarrier writeBarrier() {
            return (object, field, oldValue, newValue) -> calls.add(new long[]{object, field, oldValue, newValue});
        }
    }

    /** Claims to move objects without pinning support (it never gets to run: assembly refuses it). */
    public static final class UnpinnableMover extends DelegatingCollector {
        @Override
        public CollectorConstraints constraints() {
            return new CollectorConstraints(true, false, false, "none");
        }
    }

    /** Refuses its configuration the way a strategy with a bad option does. */
    public static final class OptionRefusingCollector extends DelegatingCollector {
        public OptionRefusingCollector() {
            throw new GcConfigException("test.option: 'x' is not a number");
        }

        @Override
        public CollectorConstraints constraints() {
            return CollectorConstraints.NON_MOVING;
        }
    }

    /**
     * A broken collector: mark-sweep that never marks from the last root slot the runtime shows it
     * (each slot is passed on one late, and the last one never), so an object held only there is
     * reclaimed while the mutator still uses it.
     */
    public static final class RootDroppingCollector extends DelegatingCollector {
        @Override
        public CollectorConstraints constraints() {
            return CollectorConstraints.NON_MOVING;
        }

        @Override
        public void collect(CollectionScope scope) {
            delegate.collect(new CollectionScope() {
                public ObjectModel objects() {
                    return scope.objects();
                }

                public TagScheme tags() {
                    return scope.tags();
                }

                public void scanRoots(RootVisitor visitor) {
                    LateSlots late = new LateSlots(visitor);
                    scope.scanRoots(late);
                }

                public long objectContaining(long address) {
                    return scope.objectContaining(address);
                }

                public void phase(GcPhase phase) {
                    scope.phase(phase);
                }

                public boolean poisonFreedMemory() {
                    return scope.poisonFreedMemory();
                }

                public String reason() {
                    return scope.reason();
                }

                public long number() {
                    return scope.number();
                }
            });
        }

        /** Forwards each slot when the next one arrives: the last is dropped. */
        private static final class LateSlots implements RootVisitor {
            private final RootVisitor visitor;
            private MemorySegment region;
            private long offset;

            LateSlots(RootVisitor visitor) {
                this.visitor = visitor;
            }

            @Override
            public void visitSlot(MemorySegment next, long nextOffset) {
                if (region != null) {
                    visitor.visitSlot(region, offset);
                }
                region = next;
                offset = nextOffset;
            }

            @Override
            public void visitPinningRoot(long object) {
                visitor.visitPinningRoot(object);
            }
        }
    }

    /** Low-bit tags whose address check refuses every heap. */
    public static final class NarrowTags implements TagScheme {
        private final LowBitTags tags = new LowBitTags();

        @Override
        public String name() {
            return "test-narrow";
        }

        @Override
        public void checkAddressRange(long base, long limit) {
            throw new IllegalArgumentException(String.format("test-narrow: 0x%x needs more than 8 bits", limit - 8));
        }

        @Override
        public ValueKind kindOf(long word) {
            return tags.kindOf(word);
        }

        @Override
        public boolean isPointer(long word) {
            return tags.isPointer(word);
        }

        @Override
        public long untag(long word) {
            return tags.untag(word);
        }

        @Override
        public long tagPointer(long address) {
            return tags.tagPointer(address);
        }

        @Override
        public long retarget(long oldWord, long newAddress) {
            return tags.retarget(oldWord, newAddress);
        }

        @Override
        public int smallIntBits() {
            return tags.smallIntBits();
        }

        @Override
        public long tagSmallInt(long value) {
            return tags.tagSmallInt(value);
        }

        @Override
        public long untagSmallInt(long word) {
            return tags.untagSmallInt(word);
        }

        @Override
        public long tagPort(long payload) {
            return tags.tagPort(payload);
        }

        @Override
        public long untagPort(long word) {
            return tags.untagPort(word);
        }

        @Override
        public long tagImmediate(long payload) {
            return tags.tagImmediate(payload);
        }

        @Override
        public long untagImmediate(long word) {
            return tags.untagImmediate(word);
        }
    }
}
