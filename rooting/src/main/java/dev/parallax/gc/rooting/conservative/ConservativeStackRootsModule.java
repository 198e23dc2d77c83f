package dev.parallax.gc.rooting.conservative;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.parallax.gc.api.roots.RootSource;

/**
 * Conservative stack roots as a Guice module: adds {@link ConservativeStackRoots} to the
 * {@code Multibinder<RootSource>}. Without an argument its decoding comes from the option
 * {@value ConservativeStackRoots#DECODE_OPTION} of the bound {@code GcConfig} (default {@code tags});
 * {@code new ConservativeStackRootsModule(true)} decodes naively whatever the config says.
 */
public final class ConservativeStackRootsModule extends AbstractModule {
    private final Boolean naive;

    /** Decoding from the config's option. */
    public ConservativeStackRootsModule() {
        this.naive = null;
    }

    /** @param naive read every stack word as a raw address (unsafe under high-bit tags) instead of through the tags */
    public ConservativeStackRootsModule(boolean naive) {
        this.naive = naive;
    }

    @Override
    protected void configure() {
        var binding = Multibinder.newSetBinder(binder(), RootSource.class).addBinding();
        if (naive == null) {
            binding.to(ConservativeStackRoots.class);
        } else {
            binding.toInstance(new ConservativeStackRoots(naive));
        }
    }
}
