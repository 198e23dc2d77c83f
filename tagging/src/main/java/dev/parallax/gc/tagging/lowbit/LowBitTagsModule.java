package dev.parallax.gc.tagging.lowbit;

import com.google.inject.AbstractModule;
import dev.parallax.gc.api.tags.TagScheme;

/**
 * The low-bit tag scheme as a Guice module: binds {@code TagScheme} to {@link LowBitTags}. Install it, one
 * module per axis, beside the runtime's {@code GcRuntimeModule} to build a runtime from your own
 * injector; its provider selects it by name for config files and flags.
 */
public final class LowBitTagsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TagScheme.class).to(LowBitTags.class);
    }
}
