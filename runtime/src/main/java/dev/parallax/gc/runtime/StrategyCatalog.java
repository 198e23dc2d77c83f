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
import java.util.stream.Collectors;

/**
 * The strategies on the class path, by axis and name, found with {@link ServiceLoader} over
 * {@link StrategyProvider}. Names are listed in alphabetical order. Two providers with the same axis
 * and name are kept; selecting that name is then an error naming both classes.
 */
public final class StrategyCatalog {
    private final Map<Axis, TreeMap<String, List<StrategyProvider>>> byAxis = new EnumMap<>(Axis.class);

    private StrategyCatalog(Iterable<StrategyProvider> providers) {
        for (Axis axis : Axis.values()) {
            byAxis.put(axis, new TreeMap<>());
        }
        for (StrategyProvider p : providers) {
            byAxis.get(p.axis()).computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p);
        }
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
            throw new GcConfigException("unknown " + singular(axis) + " '" + name + "'; valid " + plural(axis) + ": "
                    + choices(axis));
        }
        if (matches.size() > 1) {
            throw new GcConfigException(singular(axis) + " '" + name + "' is provided more than once, by "
                    + matches.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", "))
                    + "; remove all but one from the class path");
        }
        return matches.getFirst();
    }

    /** "mark-sweep (description), ..." for one axis. */
    public String choices(Axis axis) {
        TreeMap<String, List<StrategyProvider>> named = byAxis.get(axis);
        if (named.isEmpty()) {
            return "none found on the class path";
        }
        return named.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().getFirst().description() + ")")
                .collect(Collectors.joining(", "));
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
            named.forEach((name, providers) -> out.append(String.format("  %-16s %s%n", name,
                    providers.getFirst().description())));
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
