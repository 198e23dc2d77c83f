package dev.parallax.gc.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.safepoint.SafepointPolicy;
import dev.parallax.gc.api.tags.TagScheme;

import java.util.List;
import java.util.Set;

/**
 * The runtime as a Guice module, for building a {@link GcRuntime} from your own injector: install it
 * with one strategy module per axis (e.g. {@code MarkSweepModule}, {@code PreciseStackRootsModule}
 * and {@code GlobalTableRootsModule}, {@code LowBitTagsModule}, {@code AllocationSafepointsModule}, or
 * a {@link Profile}'s module) and ask the injector for {@code GcRuntime}:
 * <pre>{@code
 * GcRuntime runtime = Guice.createInjector(
 *         new GcRuntimeModule(GcConfig.defaults().withHeapBytes(64L << 20)),
 *         new MarkSweepModule(), new PreciseStackRootsModule(), new GlobalTableRootsModule(),
 *         new LowBitTagsModule(), new AllocationSafepointsModule())
 *     .getInstance(GcRuntime.class);
 * }</pre>
 * The settings' heap, buffer, stack and table sizes, debug and stress modes and strategy options
 * apply; their strategy names do not: the runtime's {@code config()} names the strategies the
 * modules bound. The runtime is an eager singleton, so an impossible pairing (a pinning root source
 * with a moving collector that cannot pin) or a heap the machine cannot hold fails when the
 * injector is created, with the {@code GcConfigException} of {@link GcRuntimes#create} as the cause
 * of Guice's {@code CreationException}. Close the runtime when done; the injector does not.
 */
public final class GcRuntimeModule extends AbstractModule {
    private final GcConfig settings;

    /** @param settings sizes, modes and strategy options of the runtime (see the class comment) */
    public GcRuntimeModule(GcConfig settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(GcConfig.class).toInstance(settings);
        com.google.inject.multibindings.Multibinder.newSetBinder(binder(), RootSource.class);
        bind(GcRuntime.class).toProvider(RuntimeProvider.class).asEagerSingleton();
    }

    /** Assembles the bound strategies into a started runtime. */
    static final class RuntimeProvider implements Provider<GcRuntime> {
        private final GcConfig settings;
        private final Collector collector;
        private final Set<RootSource> roots;
        private final TagScheme tags;
        private final SafepointPolicy policy;

        @Inject
        RuntimeProvider(GcConfig settings, Collector collector, Set<RootSource> roots, TagScheme tags,
                        SafepointPolicy policy) {
            this.settings = settings;
            this.collector = collector;
            this.roots = roots;
            this.tags = tags;
            this.policy = policy;
        }

        @Override
        public GcRuntime get() {
            if (roots.isEmpty()) {
                throw new dev.parallax.gc.api.GcConfigException("roots: no root source module is installed; "
                        + "install at least one (e.g. PreciseStackRootsModule)");
            }
            List<RootSource> sources = List.copyOf(roots);
            GcConfig config = settings.withCollector(collector.name())
                    .withRoots(sources.stream().map(RootSource::name).toList())
                    .withTags(tags.name()).withSafepoints(policy.name());
            return GcRuntimes.start(config, collector, sources, tags, policy);
        }
    }
}
