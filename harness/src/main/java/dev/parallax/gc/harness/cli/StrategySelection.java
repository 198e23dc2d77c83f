package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcPairingException;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.StrategyCatalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategy sets a comparative command ({@code bench}, {@code minheap}) runs: the collectors named
 * by {@code --collector} (a comma list), else the config file's or profile's, else every collector on
 * the class path; times the root set of {@code --roots} or the config file, else
 * {@link #DEFAULT_ROOT_SETS}; the other axes as configured. Every name and option value is checked
 * before anything runs.
 *
 * @param configs  one configuration per row, in order
 * @param explicit whether the user named both the collectors and the roots (a row that cannot be
 *                 assembled is then an error, not a skipped row)
 */
record StrategySelection(List<GcConfig> configs, boolean explicit) {
    /** The root sets compared when neither --roots nor the config file names one. */
    static final List<String> DEFAULT_ROOT_SETS = List.of("precise,globals", "conservative,globals");

    /**
     * @param strategy the command's strategy flags
     * @param extra    settings applied over the flags and file in every row (e.g. a size's heap)
     * @throws dev.parallax.gc.api.GcConfigException naming an unknown strategy, option or bad setting
     */
    static StrategySelection of(StrategyOptions strategy, Map<String, String> extra) {
        return of(strategy, extra, DEFAULT_ROOT_SETS);
    }

    /** As {@link #of(StrategyOptions, Map)}, with {@code defaultRootSets} when neither --roots nor the file names one. */
    static StrategySelection of(StrategyOptions strategy, Map<String, String> extra, List<String> defaultRootSets) {
        List<String> listed = collectorFlag(strategy);
        // the file and flags, with the first of --collector's list: the loader takes one name (the loop checks each)
        GcConfig configured = strategy.loadWith(with(extra, listed.isEmpty() ? Map.of()
                : Map.of("collector", listed.getFirst())));
        List<String> collectors = !listed.isEmpty() ? listed
                : strategy.sets("collector") ? List.of(configured.collector())
                : StrategyCatalog.discover().names(Axis.COLLECTOR);
        List<String> rootSets = strategy.sets("roots") ? List.of(String.join(",", configured.roots()))
                : defaultRootSets;
        List<GcConfig> configs = new ArrayList<>();
        for (String collector : collectors) {
            for (String roots : rootSets) {
                GcConfig config = StrategyOptions.requireKnownStrategies(
                        strategy.loadWith(with(extra, Map.of("collector", collector, "roots", roots))));
                requireBuildable(config);
                configs.add(config);
            }
        }
        return new StrategySelection(configs, strategy.sets("collector") && strategy.sets("roots"));
    }

    /**
     * Builds the row's strategies without starting a runtime, so that a malformed option value is
     * refused before the first row runs. An impossible pairing passes: the command skips that row
     * with a note, or refuses it when the user named it.
     */
    private static void requireBuildable(GcConfig config) {
        try {
            GcRuntimes.validate(config);
        } catch (GcPairingException e) {
            // the command decides
        }
    }

    /** --collector's comma list; empty without the flag. */
    static List<String> collectorFlag(StrategyOptions strategy) {
        String flag = strategy.flags().get("collector");
        return flag == null ? List.of() : Arrays.stream(flag.split(",")).map(String::strip).toList();
    }

    private static Map<String, String> with(Map<String, String> extra, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(extra);
        all.putAll(settings);
        return all;
    }
}
