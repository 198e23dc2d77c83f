package dev.parallax.gc.harness.retention;

import java.util.Map;

/** How a retention run finds its stack roots: precisely, or conservatively with one decoding. */
public enum RootMode {
    /** The stack maps name the reference slots; raw words are never read. The reference run. */
    PRECISE("precise+globals", "precise,globals", Map.of()),
    /** Every stack word the tag scheme calls a pointer, resolved to an object. */
    CONSERVATIVE_TAGS("conservative(tags)+globals", "conservative,globals", Map.of("conservative.decode", "tags")),
    /** Every stack word read as a raw address, as a tag-unaware scanner would. */
    CONSERVATIVE_NAIVE("conservative(naive)+globals", "conservative,globals",
            Map.of("conservative.decode", "naive"));

    private final String label;
    private final String roots;
    private final Map<String, String> options;

    RootMode(String label, String roots, Map<String, String> options) {
        this.label = label;
        this.roots = roots;
        this.options = options;
    }

    public String label() {
        return label;
    }

    /** The {@code roots} config value. */
    public String roots() {
        return roots;
    }

    /** The strategy options this mode sets. */
    public Map<String, String> options() {
        return options;
    }
}
