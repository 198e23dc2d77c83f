package dev.parallax.gc.harness.netbench;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.net.reduce.Interactions;
import dev.parallax.gc.net.term.Expr;

import java.io.Serializable;
import java.util.List;

/**
 * The net workload's sizes: a balanced tree of operators of {@code depth} levels over 2^depth leaves,
 * where every fourth level also duplicates its value (a duplicator copying a Ref's cell), reduced by
 * {@code workers} workers; {@code longLived} tuples held by Refs for the whole run (GCBench's
 * long-lived data) are checked after every body.
 */
public record NetBenchParams(int depth, int workers, int longLived) implements Serializable {
    /** 2^18 leaves, as GCBench's stretch tree. */
    public static final int STANDARD_DEPTH = 18;
    /** 2^12 leaves, for a smoke run. */
    public static final int SMALL_DEPTH = 12;

    public NetBenchParams {
        if (depth < 1 || depth > 22) {
            throw new IllegalArgumentException("the net workload's depth must be in [1, 22], got " + depth);
        }
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("net workers must be in [1, 64], got " + workers);
        }
    }

    /**
     * The program: leaves are boxes and tuples on the GC heap when {@code heapValues} (every operator
     * above them boxes its result, garbage once consumed), else numbers held in the net.
     */
    public Expr program(boolean heapValues) {
        return tree(depth, 0, heapValues);
    }

    private static Expr tree(int d, int i, boolean heapValues) {
        if (d == 0) {
            if (!heapValues) {
                return new Expr.Num(i & 15);
            }
            return (i & 3) == 3 ? new Expr.Tuple(i & 7, 1) : new Expr.Box(i & 15);
        }
        Expr sub = new Expr.Op(d % 3 == 0 ? Interactions.SUB : Interactions.ADD, tree(d - 1, 2 * i, heapValues),
                tree(d - 1, 2 * i + 1, heapValues));
        return d % 4 == 0 ? new Expr.Twice(Interactions.ADD, sub) : sub;
    }

    /** Node slots (and variables) per partition: room for the whole program built in one partition, and its copies. */
    public long slotsPerPartition() {
        return (4L << depth) + (1 << 16);
    }

    /** The baseline's runtime: the defaults with the indexed Ref-cell roots. */
    public static GcConfig baselineConfig() {
        return GcConfig.defaults().withRoots(List.of("precise", "globals", "net-indexed"));
    }
}
