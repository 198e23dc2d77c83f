package dev.parallax.gc.tagging.highbit;

import com.google.inject.AbstractModule;
import dev.parallax.gc.api.tags.TagScheme;

/**
 * The high-bit tag scheme as a Guice module: binds {@code TagScheme} to {@link HighBitTags}. Install it, one
 * module per axis, beside the runtime's {@code GcRuntimeModule} to build a runtime from your own
 * injector; its provider selects it by name for config files and flags.
 */
public final class HighBitTagsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TagScheme.class).to(HighBitTags.class);
    }
}
