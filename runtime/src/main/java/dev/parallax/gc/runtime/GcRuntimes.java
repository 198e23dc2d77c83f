package dev.parallax.gc.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.spi.Message;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.GcPairingException;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.safepoint.SafepointPolicy;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.tags.TagScheme;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds runtimes from configs: finds the named strategies in the {@link StrategyCatalog}, wires
 * them with Guice (each provider's module, plus the {@link GcConfig}), refuses impossible pairings,
 * then reserves the heap. Every failure is a {@link GcConfigException} with a message for the user;
 * Guice's own errors are summarised, not leaked.
 */
public final class GcRuntimes {
    private GcRuntimes() {
    }

    /** A runtime for {@code config} with the strategies on the class path. */
    public static GcRuntime create(GcConfig config) {
        return create(config, StrategyCatalog.discover());
    }

    /** A runtime for {@code config} with the strategies of {@code catalog}. */
    public static GcRuntimeImpl create(GcConfig config, StrategyCatalog catalog) {
        Strategies s = build(config, catalog);
        return start(config, s.collector(), s.roots(), s.tags(), s.policy());
    }

    /**
     * Everything {@link #create} would refuse before it reserves memory, without reserving any: unknown
     * names, unknown options, a malformed option value (the strategies parse their options when they
     * are built), an impossible pairing ({@link GcPairingException}) and a heap larger than the
     * machine. Lets a command that starts runtimes later, or in other JVMs, refuse bad input first.
     *
     * @throws GcConfigException naming what is wrong
     */
    public static void validate(GcConfig config) {
        Strategies s = build(config, StrategyCatalog.discover());
        checkPairings(s.collector(), s.roots());
        requireHeapFits(config.heapBytes());
    }

    /** The strategies of one configuration, built but not started. */
    private record Strategies(Collector collector, List<RootSource> roots, TagScheme tags, SafepointPolicy policy) {
    }

    /** Selects the providers' modules and builds each strategy (which parses its options). */
    private static Strategies build(GcConfig config, StrategyCatalog catalog) {
        Injector injector = inject(config, selectModules(config, catalog));
        Collector collector = instance(config, injector, Key.get(Collector.class));
        TagScheme tags = instance(config, injector, Key.get(TagScheme.class));
        SafepointPolicy policy = instance(config, injector, Key.get(SafepointPolicy.class));
        List<RootSource> roots = inConfigOrder(config,
                instance(config, injector, Key.get(new TypeLiteral<Set<RootSource>>() { })));
        return new Strategies(collector, roots, tags, policy);
    }

    /**
     * Refuses impossible pairings and a heap the machine cannot hold, then reserves the heap and
     * starts the runtime.
     */
    static GcRuntimeImpl start(GcConfig config, Collector collector, List<RootSource> roots, TagScheme tags,
                               SafepointPolicy policy) {
        checkPairings(collector, roots);
        requireHeapFits(config.heapBytes());
        long physical = physicalMemoryBytes();
        try {
            return GcRuntimeImpl.start(config, collector, roots, tags, policy);
        } catch (OutOfMemoryError e) {
            throw new GcConfigException("heap: " + size(config.heapBytes()) + " could not be reserved (" + e.getMessage()
                    + "); this machine has " + size(physical) + " of memory; choose a smaller --heap", e);
        }
    }

    /**
     * Refuses a heap larger than the machine's memory, before anything is reserved.
     *
     * @throws GcConfigException naming the heap and the machine's memory
     */
    public static void requireHeapFits(long heapBytes) {
        long physical = physicalMemoryBytes();
        if (physical > 0 && heapBytes > physical) {
            throw new GcConfigException("heap: " + size(heapBytes) + " cannot be reserved: this machine has "
                    + size(physical) + " of memory; choose a smaller --heap");
        }
    }

    /** The machine's physical memory in bytes, or -1 when the JVM cannot tell. */
    static long physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    /** "900 GiB", "64 MiB", "1.5 GiB". */
    private static String size(long bytes) {
        if (bytes < 0) {
            return "an unknown amount";
        }
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value))
                + " " + units[unit];
    }

    /** The modules of the selected providers; unknown, ambiguous or repeated names fail here. */
    private static List<Module> selectModules(GcConfig config, StrategyCatalog catalog) {
        Set<String> seen = new HashSet<>();
        for (String root : config.roots()) {
            if (!seen.add(root)) {
                throw new GcConfigException("roots: '" + root + "' is listed twice in " + config.roots());
            }
        }
        List<Module> modules = new ArrayList<>();
        modules.add(catalog.require(Axis.COLLECTOR, config.collector()).module());
        for (String root : config.roots()) {
            modules.add(catalog.require(Axis.ROOTS, root).module());
        }
        modules.add(catalog.require(Axis.TAGS, config.tags()).module());
        modules.add(catalog.require(Axis.SAFEPOINTS, config.safepoints()).module());
        catalog.requireOptions(config.options());
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GcConfig.class).toInstance(config);
                Multibinder.newSetBinder(binder(), RootSource.class); // an empty set rather than a missing binding
            }
        });
        return modules;
    }

    private static Injector inject(GcConfig config, List<Module> modules) {
        try {
            return Guice.createInjector(modules);
        } catch (CreationException e) {
            throw wrap(config, e.getErrorMessages(), e);
        }
    }

    private static <T> T instance(GcConfig config, Injector injector, Key<T> key) {
        try {
            return injector.getInstance(key);
        } catch (ConfigurationException e) {
            throw wrap(config, e.getErrorMessages(), e);
        } catch (ProvisionException e) {
            throw wrap(config, e.getErrorMessages(), e);
        }
    }

    /** A strategy's own GcConfigException (say, a bad option) passes through; other errors are summarised. */
    private static GcConfigException wrap(GcConfig config, Collection<Message> messages, RuntimeException e) {
        for (Message m : messages) {
            if (m.getCause() instanceof GcConfigException own) {
                return own;
            }
        }
        String summary = messages.stream()
                .map(m -> firstLine(m.getMessage()) + (m.getCause() == null ? "" : " (" + m.getCause() + ")"))
                .collect(Collectors.joining("; "));
        return new GcConfigException("cannot assemble " + config.strategies() + ": " + summary, e);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    /** The sources ordered as the config lists their names; sources named otherwise follow in binding order. */
    private static List<RootSource> inConfigOrder(GcConfig config, Set<RootSource> bound) {
        LinkedHashSet<RootSource> ordered = new LinkedHashSet<>();
        for (String name : config.roots()) {
            for (RootSource source : bound) {
                if (source.name().equals(name)) {
                    ordered.add(source);
                }
            }
        }
        ordered.addAll(bound);
        if (ordered.isEmpty()) {
            throw new GcConfigException("roots: the providers of " + config.roots() + " bound no RootSource");
        }
        return List.copyOf(ordered);
    }

    /** Refuses a pinning root source with a moving collector that cannot pin. */
    private static void checkPairings(Collector collector, List<RootSource> roots) {
        CollectorConstraints c = collector.constraints();
        for (RootSource source : roots) {
            if (source.reportsPinningRoots() && c.movesObjects() && !c.supportsPinning()) {
                throw new GcPairingException("root source '" + source.name() + "' reports pinning roots, but collector '"
                        + collector.name() + "' moves objects and cannot pin them; choose a collector that supports"
                        + " pinning or a precise root source");
            }
        }
    }
}
