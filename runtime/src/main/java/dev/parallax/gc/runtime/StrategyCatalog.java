package dev.parallax.gc.runtime;

import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The strategies on the class path, by axis and name, found with {@link ServiceLoader} over
 * {@link StrategyProvider}. Names are listed in alphabetical order. Two providers with the same axis
 * and name are kept; selecting that name is then an error naming both classes. A provider that
 * answers no axis or name (null, or an exception) is refused when the catalog is built, naming its
 * class. The strategy options the providers declare ({@link StrategyProvider#options()}) are the
 * only ones {@link #requireOptions} accepts.
 */
public final class StrategyCatalog {
    private final Map<Axis, TreeMap<String, List<StrategyProvider>>> byAxis = new EnumMap<>(Axis.class);
    /** Every declared option key, with its description and the strategy declaring it. */
    private final TreeMap<String, String> options = new TreeMap<>();

    private StrategyCatalog(Iterable<StrategyProvider> providers) {
        for (Axis axis : Axis.values()) {
            byAxis.put(axis, new TreeMap<>());
        }
        for (StrategyProvider p : providers) {
            Axis axis = answer(p, "axis()", StrategyProvider::axis);
            String name = answer(p, "name()", StrategyProvider::name);
            byAxis.get(axis).computeIfAbsent(name, n -> new ArrayList<>()).add(p);
            answer(p, "options()", StrategyProvider::options).forEach((key, what) ->
                    options.putIfAbsent(key, name + ": " + what));
        }
    }

    /** What {@code question} returns for {@code provider}; a null answer or an exception is a config error naming the class. */
    private static <T> T answer(StrategyProvider provider, String method, Function<StrategyProvider, T> question) {
        String who = "strategy provider " + provider.getClass().getName();
        T value;
        try {
            value = question.apply(provider);
        } catch (RuntimeException | LinkageError e) {
            throw new GcConfigException(who + ": " + method + " threw " + e, e);
        }
        if (value == null) {
            throw new GcConfigException(who + ": " + method + " returned null; fix or remove the provider");
        }
        return value;
    }

    /** Every provider listed in a {@code META-INF/services} file on the class path. */
    public static StrategyCatalog discover() {
        try {
            List<StrategyProvider> found = new ArrayList<>();
            ServiceLoader.load(StrategyProvider.class).forEach(found::add);
            return new StrategyCatalog(found);
        } catch (ServiceConfigurationError e) {
            throw new GcConfigException("cannot load the strategy providers on the class path: " + e.getMessage(), e);
        }
    }

    /** A catalog of exactly these providers (tests, embedders). */
    public static StrategyCatalog of(Iterable<StrategyProvider> providers) {
        return new StrategyCatalog(providers);
    }

    /** The names selectable on {@code axis}, alphabetically. */
    public List<String> names(Axis axis) {
        return List.copyOf(byAxis.get(axis).keySet());
    }

    /**
     * The provider selected by {@code name} on {@code axis}.
     *
     * @throws GcConfigException for an unknown name (listing the valid ones) or an ambiguous one
     */
    public StrategyProvider require(Axis axis, String name) {
        List<StrategyProvider> matches = byAxis.get(axis).get(name);
        if (matches == null) {
            throw new GcConfigException("unknown " + singular(axis) + " '" + name + "'"
                    + NearestName.hint(name, names(axis)) + "; valid " + plural(axis) + ": " + choices(axis));
        }
        if (matches.size() > 1) {
            throw new GcConfigException(singular(axis) + " '" + name + "' is provided more than once, by "
                    + matches.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", "))
                    + "; remove all but one from the class path");
        }
        return matches.getFirst();
    }

    /** "incremental, mark-compact, mark-sweep (parallax strategies describes each)" for one axis. */
    public String choices(Axis axis) {
        TreeMap<String, List<StrategyProvider>> named = byAxis.get(axis);
        if (named.isEmpty()) {
            return "none found on the class path";
        }
        return String.join(", ", named.keySet()) + " ('parallax strategies' describes each)";
    }

    /** Every strategy option declared by a provider of this catalog, by key, with "strategy: description". */
    public Map<String, String> options() {
        return java.util.Collections.unmodifiableSortedMap(options);
    }

    /**
     * Refuses a strategy option that no provider of this catalog declares (a misspelling, or an option
     * of a strategy that is not on the class path), naming the nearest declared key and all of them.
     *
     * @throws GcConfigException for the first unknown key
     */
    public void requireOptions(Map<String, String> given) {
        for (String key : new TreeMap<>(given).keySet()) {
            if (!options.containsKey(key)) {
                throw new GcConfigException("unknown strategy option '" + key + "'" + NearestName.hint(key, options.keySet())
                        + "; the strategies found declare: "
                        + (options.isEmpty() ? "none" : String.join(", ", options.keySet())));
            }
        }
    }

    /** Every axis with its config key, and every strategy name with its description: for {@code --list}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (Axis axis : Axis.values()) {
            out.append(plural(axis)).append(" (--").append(axis.key()).append("):").append(System.lineSeparator());
            TreeMap<String, List<StrategyProvider>> named = byAxis.get(axis);
            if (named.isEmpty()) {
                out.append("  (none found on the class path)").append(System.lineSeparator());
            }
            named.forEach((name, providers) -> {
                StrategyProvider p = providers.getFirst();
                out.append(String.format("  %-16s %s%n", name, p.description()));
                new TreeMap<>(p.options()).forEach((key, what) ->
                        out.append(String.format("  %-16s   -o %s: %s%n", "", key, what)));
            });
        }
        return out.toString();
    }

    static String singular(Axis axis) {
        return switch (axis) {
            case COLLECTOR -> "collector";
            case ROOTS -> "root source";
            case TAGS -> "tag scheme";
            case SAFEPOINTS -> "safepoint policy";
        };
    }

    static String plural(Axis axis) {
        return switch (axis) {
            case COLLECTOR -> "collectors";
            case ROOTS -> "root sources";
            case TAGS -> "tag schemes";
            case SAFEPOINTS -> "safepoint policies";
        };
    }
}
