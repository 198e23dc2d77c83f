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
}
