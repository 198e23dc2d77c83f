package dev.parallax.gc.net;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.net.slab.NetException;
import dev.parallax.gc.net.slab.Ports;
import dev.parallax.gc.net.term.Evaluator;
import dev.parallax.gc.net.term.Expr;
import dev.parallax.gc.net.term.NetCompiler;
import dev.parallax.gc.runtime.GcRuntimes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.parallax.gc.net.reduce.Interactions.ADD;
import static dev.parallax.gc.net.reduce.Interactions.MUL;
import static dev.parallax.gc.net.reduce.Interactions.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reducer computes what the evaluator computes, on hand-written nets of each rule. */
class NetReductionTest {
    static GcConfig config(String refRoots) {
        return GcConfig.defaults().withHeapBytes(4L << 20).withTlabBytes(4096).withStackWords(1024)
                .withRoots(List.of("precise", "globals", refRoots));
    }

    /** Compiles, reduces and reads back {@code e} on a fresh runtime; returns the normal form. */
    static String reduce(GcConfig config, int workers, Expr e) {
        try (GcRuntime runtime = GcRuntimes.create(config);
             Net net = Net.create(runtime, NetConfig.of(workers, 1 << 14));
             Mutator m = runtime.attach("builder")) {
            long root = new NetCompiler(net, m).compile(e);
            net.reduce(m);
            String form = net.readback(root, m);
            net.link(root, Ports.ERASER);
            net.reduce(m);
            assertEquals(0, net.liveRefs(), "every Ref erased with the result");
            return form;
        }
    }

    private static void check(Expr e) {
        for (int workers = 1; workers <= 2; workers++) {
            assertEquals(Evaluator.eval(e).text(), reduce(config("net-indexed"), workers, e), e + " on " + workers);
        }
    }

    /** The README's example, as written there. */
    @Test
    void theReadmeExample() {
        GcRuntime runtime = GcRuntimes.create(GcConfig.defaults().withRoots(List.of("precise", "globals", "net-indexed")));
        try (runtime; Net net = Net.create(runtime, NetConfig.of(2, 1 << 16));
             Mutator m = runtime.attach("builder")) {
            NetCompiler compiler = new NetCompiler(net, m);
            long root = compiler.compile(new Expr.Twice(ADD, new Expr.Op(MUL, new Expr.Box(6), new Expr.Tuple(3, 4))));
            net.reduce(m);
            assertEquals("box 84", net.readback(root, m));
            net.link(root, Ports.ERASER);
            net.reduce(m);
            assertEquals(0, net.liveRefs());
        }
    }

    @Test
    void arithmeticOnNumbers() {
        check(new Expr.Op(ADD, new Expr.Num(2), new Expr.Op(MUL, new Expr.Num(3), new Expr.Num(4))));
        check(new Expr.Op(SUB, new Expr.Num(2), new Expr.Num(7)));
    }

    @Test
    void operatorsOnRefsBoxTheirResult() {
        check(new Expr.Op(ADD, new Expr.Box(2), new Expr.Num(5)));
        check(new Expr.Op(MUL, new Expr.Num(3), new Expr.Tuple(4, 5)));
        check(new Expr.Op(SUB, new Expr.Small(10), new Expr.Box(4)));
    }

    @Test
    void leavesReadBackAsTheirContents() {
        check(new Expr.Box(9));
        check(new Expr.Tuple(1, 2));
        check(new Expr.Small(-3));
    }

    @Test
    void duplicationCopiesValuesAndRefCells() {
        check(new Expr.Twice(ADD, new Expr.Num(21)));
        check(new Expr.Twice(MUL, new Expr.Box(7)));
        check(new Expr.Twice(ADD, new Expr.Op(ADD, new Expr.Tuple(1, 2), new Expr.Num(1))));
    }

    @Test
    void pairsAnnihilateAndErase() {
        check(new Expr.Fst(new Expr.Box(1), new Expr.Tuple(2, 3)));
        check(new Expr.Fst(new Expr.Op(ADD, new Expr.Num(1), new Expr.Box(2)), new Expr.Op(MUL, new Expr.Box(3), new Expr.Num(4))));
    }

    @Test
    void duplicatorsCommuteWithPairs() {
        check(new Expr.PairOp(SUB, new Expr.Box(10), new Expr.Num(3)));
        check(new Expr.PairOp(ADD, new Expr.Op(MUL, new Expr.Num(2), new Expr.Box(3)), new Expr.Tuple(4, 5)));
        check(new Expr.PairOp(MUL, new Expr.PairOp(ADD, new Expr.Num(1), new Expr.Num(2)), new Expr.Num(3)));
    }

    @Test
    void aRecursiveFunctionUnfoldedByDuplication() {
        check(new Expr.Repeat(10, ADD, new Expr.Num(3)));       // 3 * 2^10
        check(new Expr.Repeat(12, ADD, new Expr.Box(1)));       // 4096, boxed at every step
        check(new Expr.Repeat(5, MUL, new Expr.Num(3)));        // 3^32, wrapping
    }

    /**
     * A long chain of boxed operations keeps one worker busy allocating, with a collection at every
     * allocation, while the other has nothing to do: the collections must not wait for the idle worker
     * (it counts as stopped), or the one-second safepoint timeout fails the reduction.
     */
    @Test
    void anIdleWorkerCountsAsStoppedAndABusyOneParksAtEveryCollection() {
        GcConfig config = config("net-indexed").withStress(dev.parallax.gc.api.StressMode.ALLOCATION, 1)
                .withSafepointTimeoutMillis(1000);
        try (GcRuntime runtime = GcRuntimes.create(config);
             Net net = Net.create(runtime, NetConfig.of(2, 1 << 12));
             Mutator m = runtime.attach("builder")) {
            long root = new NetCompiler(net, m).compile(new Expr.Repeat(60, ADD, new Expr.Box(1)));
            long before = runtime.stats().collections();
            net.reduce(m);
            assertEquals(Evaluator.eval(new Expr.Repeat(60, ADD, new Expr.Box(1))).text(), net.readback(root, m));
            assertTrue(runtime.stats().collections() - before >= 60, "a collection per boxed result: " + runtime.stats());
        }
    }

    /**
     * A duplicator meeting an operator's principal port commutes with it (each copy of the operator
     * gets a copy of its second operand), and a duplicator meeting a one-operand operator too: the
     * result is a superposition of the two sums, a duplicator node, as the rules say.
     */
    @Test
    void duplicatorsCommuteWithOperators() {
        try (GcRuntime runtime = GcRuntimes.create(config("net-naive"));
             Net net = Net.create(runtime, NetConfig.of(2, 1 << 10));
             Mutator m = runtime.attach("builder")) {
            // dup(1, 2) >< (_ + 5): two operators, 1 + 5 and 2 + 5, their results under a duplicator
            long out = net.var();
            long op = net.node(Ports.OP2, ADD, Ports.num(5), out);
            long dup = net.node(Ports.DUP, net.freshLabel(), Ports.num(1), Ports.num(2));
            net.link(dup, op);
            // a one-operand operator (10 + _) meeting dup(1, 2)
            long out2 = net.var();
            long s = net.var();
            long op2 = net.node(Ports.OP2, ADD, s, out2);
            net.link(Ports.num(10), op2);
            net.link(s, net.node(Ports.DUP, net.freshLabel(), Ports.num(1), Ports.num(2)));
            net.reduce(m);
            assertEquals("dup(6, 7)", net.readback(out, m));
            assertEquals("dup(11, 12)", net.readback(out2, m));
        }
    }

    @Test
    void aNetNeedsExactlyOneRefCellRootSource() {
        try (GcRuntime runtime = GcRuntimes.create(GcConfig.defaults().withHeapBytes(4L << 20))) {
            NetException e = assertThrows(NetException.class, () -> Net.create(runtime, NetConfig.of(1, 64)));
            assertTrue(e.getMessage().contains("net-indexed"), e.getMessage());
        }
        GcConfig two = GcConfig.defaults().withHeapBytes(4L << 20).withRoots(List.of("precise", "net-naive", "net-parallel"));
        try (GcRuntime runtime = GcRuntimes.create(two)) {
            NetException e = assertThrows(NetException.class, () -> Net.create(runtime, NetConfig.of(1, 64)));
            assertTrue(e.getMessage().contains("reported twice"), e.getMessage());
        }
    }

    @Test
    void aFullSlabIsNamed() {
        try (GcRuntime runtime = GcRuntimes.create(config("net-naive"));
             Net net = Net.create(runtime, NetConfig.of(1, 64));
             Mutator m = runtime.attach("builder")) {
            NetException e = assertThrows(NetException.class,
                    () -> new NetCompiler(net, m).compile(new Expr.Repeat(40, ADD, new Expr.Num(1))));
            assertTrue(e.getMessage().startsWith("net partition 0 has no free variable cell; give the net more"),
                    e.getMessage());
        }
    }
}
