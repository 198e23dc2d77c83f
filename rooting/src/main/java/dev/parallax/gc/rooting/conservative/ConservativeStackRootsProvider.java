package dev.parallax.gc.rooting.conservative;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

import java.util.Map;

/** Makes {@code conservative} selectable. */
public final class ConservativeStackRootsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.ROOTS;
    }

    @Override
    public String name() {
        return ConservativeStackRoots.NAME;
    }

    @Override
    public String description() {
        return "every mutator stack word that resolves to an object (interior pointers too) pins it for the cycle; "
                + "option conservative.decode=tags|naive";
    }

    @Override
    public Module module() {
        return new ConservativeStackRootsModule();
    }

    @Override
    public Map<String, String> options() {
        return Map.of(ConservativeStackRoots.DECODE_OPTION, "tags (default: a word is a candidate only if the tag "
                + "scheme calls it a pointer) or naive (every word read as a raw address; unsafe under high-bit)");
    }
}
