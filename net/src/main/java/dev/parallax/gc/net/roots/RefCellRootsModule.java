package dev.parallax.gc.net.roots;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.parallax.gc.api.roots.RootSource;

/**
 * A Ref-cell root strategy as a Guice module: adds it to the {@code Multibinder<RootSource>} beside
 * the other root modules installed. {@code new RefCellRootsModule(NaiveRefRoots.class)} takes its
 * options from the bound {@code GcConfig}; {@code new RefCellRootsModule(instance)} uses that one.
 */
public final class RefCellRootsModule extends AbstractModule {
    private final Class<? extends RefCellRoots> type;
    private final RefCellRoots instance;

    public RefCellRootsModule(Class<? extends RefCellRoots> type) {
        this.type = type;
        this.instance = null;
    }

    public RefCellRootsModule(RefCellRoots instance) {
        this.type = null;
        this.instance = instance;
    }

    @Override
    protected void configure() {
        var binding = Multibinder.newSetBinder(binder(), RootSource.class).addBinding();
        if (instance != null) {
            binding.toInstance(instance);
        } else {
            binding.to(type);
        }
    }
}
