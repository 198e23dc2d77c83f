package dev.parallax.gc.net;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.net.slab.Ports;
import dev.parallax.gc.net.term.Evaluator;
import dev.parallax.gc.net.term.Expr;
import dev.parallax.gc.net.term.NetCompiler;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.List;

import static dev.parallax.gc.net.reduce.Interactions.ADD;
import static dev.parallax.gc.net.reduce.Interactions.MUL;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The net property: a random net with Ref nodes, reduced by two workers on a runtime (any collector,
 * tag scheme and Ref-root strategy, typically collecting at every allocation), must
 * <ol>
 *   <li>reach the normal form a reduction with collection disabled reaches, which is also what the
 *       {@link Evaluator} computes without any net;</li>
 *   <li>keep every object reachable from a live Ref cell, with its contents: "keeper" Refs to tuples,
 *       made before the net and spread over the partitions, hold the same tuples after it;</li>
 *   <li>once every Ref is erased (the result erased, the keepers dropped), leave nothing the net
 *       allocated live: after a full collection the heap holds no object bytes and no Ref node remains.</li>
 * </ol>
 */
final class NetProperty {
    static final int KEEPERS = 4;

    private NetProperty() {
    }

    /** Random programs of depth at most {@code depth}; shrinking goes towards numbers. */
    static Gen<Expr> exprs(int depth) {
        Gen<Integer> value = Generate.range(-20, 20);
        Gen<Integer> op = Generate.range(0, 2);
        return in -> {
            int kind = Generate.range(0, depth == 0 ? 3 : 8).generate(in);
            return switch (kind) {
                case 0 -> new Expr.Num(value.generate(in));
                case 1 -> new Expr.Box(value.generate(in));
                case 2 -> new Expr.Small(value.generate(in));
                case 3 -> new Expr.Tuple(value.generate(in), value.generate(in));
                case 4 -> new Expr.Op(op.generate(in), exprs(depth - 1).generate(in), exprs(depth - 1).generate(in));
                case 5 -> new Expr.Twice(op.generate(in), exprs(depth - 1).generate(in));
                case 6 -> new Expr.Fst(exprs(depth - 1).generate(in), exprs(depth - 1).generate(in));
                case 7 -> new Expr.PairOp(op.generate(in), exprs(depth - 1).generate(in), exprs(depth - 1).generate(in));
                default -> new Expr.Repeat(Generate.range(0, 4).generate(in), Generate.range(0, 1).generate(in) == 0 ? ADD : MUL,
                        exprs(depth - 1).generate(in));
            };
        };
    }

    /** The normal form of {@code e} on {@code runtime} with {@code workers} workers; checks (2) and (3) on the way. */
    static String run(GcRuntime runtime, Expr e, int workers) {
        return run(runtime, e, workers, true);
    }

    /** As {@link #run(GcRuntime, Expr, int)}; without {@code collect} the reclamation check (3) is left out. */
    static String run(GcRuntime runtime, Expr e, int workers, boolean collect) {
        try (Net net = Net.create(runtime, NetConfig.of(workers, 1 << 12));
             Mutator m = runtime.attach("net-builder")) {
            List<Long> keepers = new ArrayList<>();
            NetCompiler compiler = new NetCompiler(net, m);
            for (int i = 0; i < KEEPERS; i++) {
                keepers.add(compiler.build(new Expr.Tuple(100 + i, -100 - i)));
            }
            long root = compiler.compile(e);
            net.reduce(m);
            String form = net.readback(root, m);
            for (int i = 0; i < KEEPERS; i++) {
                StringBuilder kept = new StringBuilder();
                net.describeWord(net.cell(keepers.get(i)), m, kept);
                assertEquals("tuple(box " + (100 + i) + ", box " + (-100 - i) + ")", kept.toString(),
                        "keeper " + i + " (partition " + dev.parallax.gc.net.slab.Partition.partitionOf(
                                Ports.value(keepers.get(i))) + ") after reducing " + e);
                net.dropRef(keepers.get(i));
            }
            net.link(root, Ports.ERASER);
            net.reduce(m);
            assertEquals(0, net.liveRefs(), "Ref nodes left after erasing the result of " + e);
            if (!collect) {
                return form;
            }
            m.collect();
            m.collect(); // an incremental collector may finish a cycle begun before the erasure first
            assertEquals(0, runtime.usage().objectBytes(), "object bytes live after every Ref was erased: " + runtime.usage());
            return form;
        }
    }

    /** The runtime configurations of the property: stress at every allocation, debug mode, a small heap. */
    static GcConfig stressed(String collector, String tags, String refRoots, String index) {
        GcConfig c = GcConfig.defaults().withCollector(collector).withTags(tags)
                .withRoots(List.of("precise", "globals", refRoots)).withHeapBytes(2L << 20).withTlabBytes(2048)
                .withStackWords(512).withDebug(true).withStress(dev.parallax.gc.api.StressMode.ALLOCATION, 1);
        return index == null ? c : c.withOptions(java.util.Map.of("net-indexed.index", index));
    }
}
