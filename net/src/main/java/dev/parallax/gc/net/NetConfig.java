package dev.parallax.gc.net;

/**
 * The shape of a net: worker threads, partitions (at least one per worker; worker i allocates in
 * partition i, the mutator side round-robin over all of them), and the node slots and variable
 * cells of each partition's slab (reserved up front; a full slab fails the reduction with a message
 * naming it).
 */
public record NetConfig(int workers, int partitions, long slotsPerPartition, long varsPerPartition) {
    public NetConfig {
        if (workers < 1 || partitions < workers) {
            throw new IllegalArgumentException("a net needs at least one worker and a partition per worker, got "
                    + workers + " workers and " + partitions + " partitions");
        }
        if (slotsPerPartition < 1 || slotsPerPartition > 1L << 31 || varsPerPartition < 1 || varsPerPartition > 1L << 31) {
            throw new IllegalArgumentException("slots and variables per partition must be in [1, 2^31], got "
                    + slotsPerPartition + " and " + varsPerPartition);
        }
    }

    /** {@code workers} workers, one partition each, of {@code slots} node slots and as many variables. */
    public static NetConfig of(int workers, long slots) {
        return new NetConfig(workers, workers, slots, slots);
    }
}
