package dev.parallax.gc.api.strategy;

import com.google.inject.Module;

/**
 * Makes one strategy selectable by name. Providers are found with {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/dev.parallax.gc.api.strategy.StrategyProvider}), so a
 * user's own strategy joins the catalogue by being on the class path.
 *
 * <p>The module binds the strategy's interface: {@code Collector}, {@code TagScheme} or
 * {@code SafepointPolicy} directly, and root sources into a {@code Multibinder<RootSource>} (several
 * root sources run together). The runtime binds {@code GcConfig}, which strategies may inject for
 * their options.
 */
public interface StrategyProvider {
    Axis axis();

    /** The name users select, lower-case with dashes (e.g. {@code mark-sweep}). */
    String name();

    /** One sentence on what it does, shown in listings and in errors that list the valid choices. */
    String description();

    com.google.inject.Module module();

    /**
     * The strategy options this strategy reads from {@code GcConfig.options()}, each key (containing a
     * dot, e.g. {@code incremental.budget}) with one sentence on what it sets and its default. A key
     * that no strategy on the class path declares is refused as a misspelling. None by default.
     */
    default java.util.Map<String, String> options() {
        return java.util.Map.of();
    }

    /**
     * Option values the property checker ({@code check}) runs this strategy with, unless the
     * configuration sets them, so that short generated programs reach the states long runs reach: for
     * an incremental collector, one grey object per marking increment, so that marking spans many
     * increments and overlaps the programs' stores (with the default budget a small program's graph
     * is marked in one increment and no barrier bug can show). Keys must be among {@link #options()}.
     * None by default.
     */
    default java.util.Map<String, String> checkingOptions() {
        return java.util.Map.of();
    }
}
