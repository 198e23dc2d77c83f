package dev.parallax.gc.rooting.precise;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.parallax.gc.api.roots.RootSource;

/**
 * The precise stack roots as a Guice module: adds {@link PreciseStackRoots} to the {@code Multibinder<RootSource>}, so
 * that it runs beside the other root modules installed (in the order they are installed).
 */
public final class PreciseStackRootsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), RootSource.class).addBinding().to(PreciseStackRoots.class);
    }
}
