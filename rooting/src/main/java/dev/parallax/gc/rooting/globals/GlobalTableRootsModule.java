package dev.parallax.gc.rooting.globals;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.parallax.gc.api.roots.RootSource;

/**
 * The global-table roots as a Guice module: adds {@link GlobalTableRoots} to the {@code Multibinder<RootSource>}, so
 * that it runs beside the other root modules installed (in the order they are installed).
 */
public final class GlobalTableRootsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), RootSource.class).addBinding().to(GlobalTableRoots.class);
    }
}
