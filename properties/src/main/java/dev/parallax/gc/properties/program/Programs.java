package dev.parallax.gc.properties.program;

import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

import java.util.List;

/**
 * QuickTheories generators of mutator programs. Operands are drawn small (they are resolved modulo
 * the state anyway) and shrink towards 0; the action kind shrinks towards {@link Action.Poll}, a
 * no-op for the model, so irrelevant actions of a failing program fade into polls. Collector steps,
 * back-edges and function entries are frequent enough that stores interleave with incremental
 * marking and with the polls of every safepoint policy.
 */
public final class Programs {
    /** Slot operands range over 0..MAX_SLOT_OPERAND; frames have at most this many slots + 1. */
    public static final int MAX_SLOT_OPERAND = 7;
    /** Arrays and closures have at most this many body words. */
    public static final int MAX_LENGTH = 6;

    private Programs() {
    }

    /** Programs of 1 to {@code maxActions} actions. */
    public static Gen<Program> programs(int maxActions) {
        return programs(maxActions, true);
    }

    /**
     * Programs of 1 to {@code maxActions} actions; without {@code globals} they register no global
     * roots (for a configuration whose root sources do not scan the global table).
     */
    public static Gen<Program> programs(int maxActions, boolean globals) {
        return SourceDSL.lists().of(actions(globals)).ofSizeBetween(1, maxActions)
                .map(Program::new)
                .describedAs(Program::toString);
    }

    /** {@code count} programs, one per thread, each of 1 to {@code maxActions} actions. */
    public static Gen<List<Program>> programSets(int count, int maxActions) {
        return programSets(count, maxActions, true);
    }

    /** {@code count} programs, one per thread; without {@code globals} they register no global roots. */
    public static Gen<List<Program>> programSets(int count, int maxActions, boolean globals) {
        return SourceDSL.lists().of(programs(maxActions, globals)).ofSize(count)
                .map(List::copyOf)
                .describedAs(Programs::render);
    }

    /** Programs of a set, each under a "thread i:" heading. */
    public static String render(List<Program> set) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < set.size(); i++) {
            out.append("thread ").append(i).append(":\n").append(set.get(i));
        }
        return out.toString();
    }

    /** One action; allocations and writes dominate, so programs build interesting graphs. */
    public static Gen<Action> actions() {
        return actions(true);
    }

    /** One action; without {@code globals} the global-root actions are left out. */
    public static Gen<Action> actions(boolean globals) {
        Gen<Integer> slot = Generate.range(0, MAX_SLOT_OPERAND);
        Gen<Integer> small = Generate.range(0, 15);
        Gen<Integer> length = Generate.range(0, MAX_LENGTH);
        Gen<Long> raw = Generate.longRange(-1_000_000, 1_000_000);
        List<Pair<Integer, Gen<Action>>> kinds = new java.util.ArrayList<>(List.of(
                weighted(3, Generate.constant(new Action.Poll())),
                weighted(8, Generate.range(0, 2).zip(slot, Action.AllocShaped::new)),
                weighted(5, length.zip(slot, Action.AllocRefArray::new)),
                weighted(3, length.zip(slot, Action.AllocRawArray::new)),
                weighted(2, raw.zip(slot, Action.BoxLong::new)),
                weighted(2, Generate.range(-1000, 1000).zip(slot, (v, s) -> new Action.BoxDouble(v / 8.0, s))),
                weighted(4, in -> new Action.AllocClosure(Generate.range(0, 9).generate(in),
                        Generate.range(0, 3).generate(in), slot.generate(in), slot.generate(in))),
                weighted(22, small.zip(small, slot, Action.WriteRef::new)),
                weighted(3, small.zip(small, raw, Action.WriteRaw::new)),
                weighted(3, small.zip(small, Generate.range(-1000, 1000), Action.WriteImmediate::new)),
                weighted(7, small.zip(small, slot, Action.Load::new)),
                weighted(5, slot.zip(slot, Action.Copy::new)),
                weighted(3, slot.map(Action.Clear::new)),
                weighted(2, slot.zip(raw, Action.SetRaw::new)),
                weighted(3, Generate.range(1, MAX_SLOT_OPERAND + 1).zip(Generate.range(0, 3), Action.PushFrame::new)),
                weighted(3, Generate.constant(new Action.PopFrame())),
                weighted(4, Generate.constant(new Action.Collect())),
                weighted(2, Generate.constant(new Action.BackEdge())),
                weighted(2, Generate.constant(new Action.FunctionEntry())),
                weighted(6, Generate.constant(new Action.Step())),
                weighted(3, in -> new Action.SetRawAddress(small.generate(in), Generate.range(0, 7).generate(in),
                        Generate.range(0, 1).generate(in), slot.generate(in))),
                weighted(2, small.map(Action.Pin::new)),
                weighted(1, small.map(Action.Unpin::new)),
                weighted(1, slot.map(Action.LostObjectPattern::new))));
        if (globals) {
            kinds.addAll(List.of(
                    weighted(2, slot.map(Action.RegisterGlobal::new)),
                    weighted(2, small.zip(slot, Action.StoreGlobal::new)),
                    weighted(1, small.map(Action.UnregisterGlobal::new)),
                    weighted(2, small.zip(slot, Action.LoadGlobal::new))));
        }
        return Generate.frequency(kinds);
    }

    private static Pair<Integer, Gen<Action>> weighted(int weight, Gen<? extends Action> gen) {
        return Pair.of(weight, gen.map(a -> (Action) a));
    }
}
