package dev.parallax.gc.collectors.immix;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.collectors.trace.GcWorkers;

/**
 * The Immix collector's knobs, read from config options {@code immix.*}.
 *
 * @param workers GC worker threads that trace a collection without evacuation ({@code immix.workers},
 *                default: the machine's cores)
 * @param defrag  when to evacuate fragmented blocks ({@code immix.defrag}): {@code auto} (when the last
 *                collection left at least {@link #SPARSE_BLOCKS} blocks at most half live), {@code always},
 *                {@code never}
 * @param zeroAhead whether a background thread zeroes fresh blocks for the mutators while they run
 *                ({@code immix.zeroing=concurrent}, the default) or each mutator zeroes what it gets
 *                ({@code mutator})
 */
public record ImmixOptions(int workers, Defrag defrag, boolean zeroAhead) {
    /** Sparse blocks (at most half their lines live) that make an {@code auto} collection evacuate. */
    public static final int SPARSE_BLOCKS = 8;

    public enum Defrag { AUTO, ALWAYS, NEVER }

    public static ImmixOptions defaults() {
        return new ImmixOptions(GcWorkers.cores(), Defrag.AUTO, true);
    }

    public static ImmixOptions from(GcConfig config) {
        int n = GcWorkers.parse(config, "immix.workers");
        String defrag = config.option("immix.defrag", "auto");
        Defrag d = switch (defrag) {
            case "auto" -> Defrag.AUTO;
            case "always" -> Defrag.ALWAYS;
            case "never" -> Defrag.NEVER;
            default -> throw new GcConfigException("immix.defrag: '" + defrag + "' is not a choice; use auto, always or never");
        };
        String zeroing = config.option("immix.zeroing", "concurrent");
        if (!zeroing.equals("concurrent") && !zeroing.equals("mutator")) {
            throw new GcConfigException("immix.zeroing: '" + zeroing + "' is not a zeroing policy; use concurrent or "
                    + "mutator");
        }
        return new ImmixOptions(n, d, zeroing.equals("concurrent"));
    }
}
