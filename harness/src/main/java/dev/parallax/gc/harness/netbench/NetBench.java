package dev.parallax.gc.harness.netbench;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.harness.bench.BenchBody;
import dev.parallax.gc.harness.gcbench.GcBenchFailure;
import dev.parallax.gc.net.Net;
import dev.parallax.gc.net.NetConfig;
import dev.parallax.gc.net.slab.Ports;
import dev.parallax.gc.net.term.Evaluator;
import dev.parallax.gc.net.term.Expr;
import dev.parallax.gc.net.term.NetCompiler;

/**
 * The net workload ({@code bench --workload net}), GCBench-like: long-lived tuples held by Refs for
 * the whole run, and per body a fresh net (a tree of operators over boxes and tuples allocated by the
 * mutator side) built, reduced by the workers (every operator above a heap value allocates a box,
 * garbage as soon as the next operator consumed it) and erased. A body's check compares the normal
 * form with the {@link Evaluator}'s answer and the long-lived tuples with what was put in them.
 */
public final class NetBench implements BenchBody {
    private final Net net;
    private final Mutator mutator;
    private final Expr program;
    private final String expected;
    private final long[] longLived;

    /** Attaches the calling thread, which builds every body's net; {@code heapValues} false for the baseline. */
    public NetBench(GcRuntime runtime, NetBenchParams params, boolean heapValues) {
        long slots = params.slotsPerPartition();
        this.net = Net.create(runtime, new NetConfig(params.workers(), params.workers(), slots, slots));
        this.mutator = runtime.attach("net-bench");
        this.program = params.program(heapValues);
        this.expected = Evaluator.eval(program).text();
        NetCompiler compiler = new NetCompiler(net, mutator);
        this.longLived = new long[params.longLived()];
        for (int i = 0; i < longLived.length; i++) {
            longLived[i] = heapValues ? compiler.build(new Expr.Tuple(i, -i)) : net.ref(runtime.tags().tagSmallInt(i));
        }
    }

    /** Expression nodes (leaves and operators) of a body's program: the table's per-node divisor. */
    public static long nodes(NetBenchParams params) {
        return Evaluator.size(params.program(true));
    }

    @Override
    public Runnable run(String heap) {
        long root = new NetCompiler(net, mutator).compile(program);
        net.reduce(mutator);
        String form = net.readback(root, mutator);
        net.link(root, Ports.ERASER);
        net.reduce(mutator);
        return () -> check(heap, form);
    }

    private void check(String heap, String form) {
        if (!form.equals(expected)) {
            throw new GcBenchFailure("net workload on " + heap + ": the normal form is " + form + ", expected " + expected);
        }
        for (int i = 0; i < longLived.length; i++) {
            long word = net.cell(longLived[i]);
            StringBuilder text = new StringBuilder();
            net.describeWord(word, mutator, text);
            String want = net.tags().isPointer(word) ? "tuple(box " + i + ", box " + -i + ")" : "#" + i;
            if (!text.toString().equals(want)) {
                throw new GcBenchFailure("net workload on " + heap + ": long-lived Ref " + i + " holds " + text
                        + ", expected " + want);
            }
        }
        long refs = net.liveRefs();
        if (refs != longLived.length) {
            throw new GcBenchFailure("net workload on " + heap + ": " + refs + " Ref nodes live after the body, expected "
                    + longLived.length + " (the long-lived ones)");
        }
    }

    @Override
    public void close() {
        mutator.close();
        net.close();
    }
}
