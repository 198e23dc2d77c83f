package dev.parallax.gc.collectors.immix;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;

/**
 * The Immix collector's knobs, read from config options {@code immix.*}.
 *
 * @param workers GC worker threads that trace a collection without evacuation ({@code immix.workers},
 *                default: the machine's cores)
 * @param defrag  when to evacuate fragmented blocks ({@code immix.defrag}): {@code auto} (when the last
 *                collection left at least {@link #SPARSE_BLOCKS} blocks at most half live), {@code always},
 *                {@code never}
 */
public record ImmixOptions(int workers, Defrag defrag) {
    /** Sparse blocks (at most half their lines live) that make an {@code auto} collection evacuate. */
    public static final int SPARSE_BLOCKS = 8;

    public enum Defrag { AUTO, ALWAYS, NEVER }

    public static ImmixOptions defaults() {
        return new ImmixOptions(Runtime.getRuntime().availableProcessors(), Defrag.AUTO);
    }

    public static ImmixOptions from(GcConfig config) {
        String workers = config.option("immix.workers", String.valueOf(Runtime.getRuntime().availableProcessors()));
        int n;
        try {
            n = Integer.parseInt(workers);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 256) {
            throw new GcConfigException("immix.workers: '" + workers + "' must be a whole number of threads from 1 to 256");
        }
        String defrag = config.option("immix.defrag", "auto");
        Defrag d = switch (defrag) {
            case "auto" -> Defrag.AUTO;
            case "always" -> Defrag.ALWAYS;
            case "never" -> Defrag.NEVER;
            default -> throw new GcConfigException("immix.defrag: '" + defrag + "' is not a choice; use auto, always or never");
        };
        return new ImmixOptions(n, d);
    }
}
