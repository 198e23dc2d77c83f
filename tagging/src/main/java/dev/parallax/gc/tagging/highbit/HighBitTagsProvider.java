package dev.parallax.gc.tagging.highbit;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes {@code high-bit} selectable. */
public final class HighBitTagsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.TAGS;
    }

    @Override
    public String name() {
        return HighBitTags.NAME;
    }

    @Override
    public String description() {
        return "16 tag bits above a 48-bit address: pointers carry tag 0x0001, 48-bit small integers, ports "
                + "and immediates; refuses a heap above 2^48";
    }

    @Override
    public Module module() {
        return new HighBitTagsModule();
    }
}
