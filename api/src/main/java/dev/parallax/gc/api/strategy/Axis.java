package dev.parallax.gc.api.strategy;

/** The four axes along which a runtime is configured; each names its config key and CLI flag. */
public enum Axis {
    COLLECTOR("collector"),
    ROOTS("roots"),
    TAGS("tags"),
    SAFEPOINTS("safepoints");

    private final String key;

    Axis(String key) {
        this.key = key;
    }

    /** The config key and command-line flag name ({@code --collector}, {@code collector=...}). */
    public String key() {
        return key;
    }
}
