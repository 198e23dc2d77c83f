package dev.parallax.gc.tagging.lowbit;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes {@code low-bit} selectable. */
public final class LowBitTagsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.TAGS;
    }

    @Override
    public String name() {
        return LowBitTags.NAME;
    }

    @Override
    public String description() {
        return "3 low tag bits: pointers are the address itself (tag 000), 61-bit small integers, ports and immediates";
    }

    @Override
    public Module module() {
        return new LowBitTagsModule();
    }
}
