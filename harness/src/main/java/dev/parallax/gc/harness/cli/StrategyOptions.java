package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.runtime.ConfigLoader;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.Profile;
import dev.parallax.gc.runtime.StrategyCatalog;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The strategy and heap flags every command shares. They are handed, as a map of config keys, to
 * the runtime's {@link ConfigLoader}, which applies them over the defaults and the config file and
 * reports bad keys and values; nothing is validated here.
 */
public final class StrategyOptions {
    @Option(names = "--profile", paramLabel = "NAME",
            description = "A named strategy set: throughput, low-latency or conservative-stack; the config file and "
                    + "the flags override it.")
    String profile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Java properties file of settings (same keys as the flags); flags override it.")
    Path configFile;

    @Option(names = "--collector", paramLabel = "NAME", description = "Collector, e.g. mark-sweep.")
    String collector;

    @Option(names = "--roots", paramLabel = "NAMES",
            description = "Root sources, comma-separated, e.g. precise,globals.")
    String roots;

    @Option(names = "--tags", paramLabel = "NAME", description = "Tag scheme, e.g. low-bit.")
    String tags;

    @Option(names = "--safepoints", paramLabel = "NAME", description = "Safepoint policy, e.g. allocation.")
    String safepoints;

    @Option(names = "--heap", paramLabel = "SIZE", description = "Heap size, e.g. 64m, 512k, 1g.")
    String heap;

    @Option(names = "--tlab", paramLabel = "SIZE", description = "Thread-local allocation buffer size, e.g. 32k.")
    String tlab;

    @Option(names = "--stack", paramLabel = "WORDS", description = "Explicit stack words per mutator.")
    String stack;

    @Option(names = "--globals", paramLabel = "CELLS", description = "Capacity of the global root table.")
    String globals;

    @Option(names = "--debug", negatable = true,
            description = "Verify the heap around every collection and poison freed memory (check: on unless "
                    + "--no-debug).")
    Boolean debug;

    @Option(names = "--stress", paramLabel = "MODE", description = "Stress collections: off, allocation or poll.")
    String stress;

    @Option(names = "--stress-interval", paramLabel = "N", description = "In stress mode, collect every N-th event.")
    String stressInterval;

    @Option(names = "--safepoint-timeout", paramLabel = "DURATION",
            description = "How long a collection waits for every mutator to reach a safepoint before it fails "
                    + "naming those that did not (e.g. 500ms, 30s, 2m; default 60s).")
    String safepointTimeout;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
            description = "A strategy option (a key with a dot, e.g. incremental.budget=4096); repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    /** The config file given with --config, or null. */
    public Path configFile() {
        return configFile;
    }

    /** The flags given, as config keys; -o options first so that a named flag wins over them. */
    public Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>(options);
        putIfGiven(flags, "collector", collector);
        putIfGiven(flags, "roots", roots);
        putIfGiven(flags, "tags", tags);
        putIfGiven(flags, "safepoints", safepoints);
        putIfGiven(flags, "heap", heap);
        putIfGiven(flags, "tlab", tlab);
        putIfGiven(flags, "stack", stack);
        putIfGiven(flags, "globals", globals);
        putIfGiven(flags, "debug", debug == null ? null : debug.toString());
        putIfGiven(flags, "stress", stress);
        putIfGiven(flags, "stress-interval", stressInterval);
        putIfGiven(flags, "safepoint-timeout", safepointTimeout);
        return flags;
    }

    /**
     * The configuration: defaults, then the config file, then the flags.
     *
     * @throws dev.parallax.gc.api.GcConfigException naming the bad key, value or file
     */
    public GcConfig load() {
        return ConfigLoader.load(profile(), configFile, flags());
    }

    /** The profile given with --profile, or null. @throws dev.parallax.gc.api.GcConfigException for an unknown one */
    public Profile profile() {
        return profile == null ? null : Profile.named(profile);
    }

    /** The configuration with {@code key} set to {@code value}, whatever the flags and file say. */
    public GcConfig loadWith(String key, String value) {
        return loadWith(Map.of(key, value));
    }

    /** The configuration with each of {@code settings} applied over the flags and the file. */
    public GcConfig loadWith(Map<String, String> settings) {
        Map<String, String> flags = flags();
        flags.putAll(settings);
        return ConfigLoader.load(profile(), configFile, flags);
    }

    /**
     * Checks that every strategy and option {@code config} names is on the class path and that its
     * heap fits the machine, so that a typo is refused before anything runs rather than when its
     * runtime is assembled.
     *
     * @throws dev.parallax.gc.api.GcConfigException naming the unknown strategy and the valid ones
     */
    public static GcConfig requireKnownStrategies(GcConfig config) {
        StrategyCatalog catalog = StrategyCatalog.discover();
        catalog.require(Axis.COLLECTOR, config.collector());
        config.roots().forEach(root -> catalog.require(Axis.ROOTS, root));
        catalog.require(Axis.TAGS, config.tags());
        catalog.require(Axis.SAFEPOINTS, config.safepoints());
        catalog.requireOptions(config.options());
        GcRuntimes.requireHeapFits(config.heapBytes());
        return config;
    }

    /** Whether a flag or the config file sets {@code key}. Call after {@link #load} validated the file. */
    public boolean sets(String key) {
        return flags().containsKey(key) || configFileSets(key) || (profile != null && profile().settings().containsKey(key));
    }

    /** Whether the config file sets {@code key}; false without a file. Call after {@link #load} validated it. */
    public boolean configFileSets(String key) {
        if (configFile == null) {
            return false;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return false; // the loader has already reported an unreadable or malformed file
        }
        return properties.containsKey(key);
    }

    private static void putIfGiven(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
