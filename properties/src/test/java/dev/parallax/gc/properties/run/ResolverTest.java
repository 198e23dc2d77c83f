package dev.parallax.gc.properties.run;

import dev.parallax.gc.properties.model.FixedShape;
import dev.parallax.gc.properties.model.ModelObject;
import dev.parallax.gc.properties.model.ReferenceModel;
import dev.parallax.gc.properties.model.Value;
import dev.parallax.gc.properties.program.Action;
import dev.parallax.gc.properties.program.Program;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operand resolution and the model's execution of resolved steps. */
class ResolverTest {
    private final Resolver resolver = new Resolver(2, true, 2);

    /** A model with one frame of {@code slots} slots, the last {@code raw} of them raw. */
    private static ReferenceModel model(int slots, int raw) {
        ReferenceModel m = new ReferenceModel();
        m.pushFrame(slots, raw);
        return m;
    }

    private Step run(ReferenceModel m, Action a) {
        Step s = resolver.resolve(a, m);
        ModelExecutor.apply(m, s);
        return s;
    }

    @Test
    void slotOperandsWrapAroundTheSlotsOfTheKindTheyNeed() {
        ReferenceModel m = model(3, 1);
        assertEquals(new Step.NewShaped(FixedShape.NODE, 1), resolver.resolve(new Action.AllocShaped(4, 7), m),
                "an allocation goes to a reference slot: 7 mod 2");
        assertEquals(new Step.Clear(2), resolver.resolve(new Action.Clear(-1), m), "any slot: -1 mod 3");
        assertEquals(new Step.SetRaw(2, 5), resolver.resolve(new Action.SetRaw(4, 5), m), "a raw word goes to a raw slot");
        assertInstanceOf(Step.Skip.class, resolver.resolve(new Action.SetRaw(0, 5), model(3, 0)));
    }

    @Test
    void objectOperandsPickAmongSuitableSlotsAndSkipWhenThereIsNone() {
        ReferenceModel m = model(4, 0);
        assertInstanceOf(Step.Skip.class, resolver.resolve(new Action.WriteRef(0, 0, 0), m));
        run(m, new Action.AllocShaped(2, 0)); // Leaf: no reference fields
        run(m, new Action.AllocShaped(1, 2)); // Node: refs 0 and 2
        run(m, new Action.AllocRawArray(2, 3));
        assertEquals(new Step.WriteField(2, 2, 1), resolver.resolve(new Action.WriteRef(5, 1, 1), m));
        assertEquals(new Step.WriteField(2, 0, 3), resolver.resolve(new Action.WriteRef(0, 0, 3), m));
        // raw writes go to Leaf, Node raw words or the raw array, never to boxes
        assertEquals(new Step.WriteRaw(3, 1, 9), resolver.resolve(new Action.WriteRaw(2, 1, 9), m));
        assertEquals(new Step.WriteRaw(2, 3, 9), resolver.resolve(new Action.WriteRaw(1, 1, 9), m));
    }

    @Test
    void aClosureCapturingItsOwnSlotCapturesItselfAndARawSlotCapturesNull() {
        ReferenceModel m = model(3, 1);
        Step s = run(m, new Action.AllocClosure(3, 3, 1, 1));
        assertEquals(new Step.NewClosure(3, List.of(1, -1, 0), 1), s);
        ModelObject closure = m.slot(1).target();
        assertSame(closure, closure.word(0).target());
        assertEquals(Value.NULL, closure.word(1));
        assertEquals(Value.NULL, closure.word(2));
    }

    @Test
    void loadsAndCopiesKeepImmediatesAndReferenceKinds() {
        ReferenceModel m = model(4, 2);
        run(m, new Action.AllocRefArray(2, 0));
        run(m, new Action.WriteImmediate(0, 1, 42));
        run(m, new Action.Load(0, 1, 1));
        assertEquals(new Value.SmallInt(42), m.slot(1));
        run(m, new Action.SetRaw(0, 77));
        assertEquals(new Value.Raw(77), m.slot(2));
        assertEquals(new Step.Copy(2, 3, false), run(m, new Action.Copy(2, 1)), "a raw word goes to a raw slot");
        assertEquals(new Value.Raw(77), m.slot(3));
        assertEquals(new Step.Copy(1, 0, true), run(m, new Action.Copy(1, 2)), "a value goes to a reference slot");
        assertEquals(new Value.SmallInt(42), m.slot(0));
    }

    @Test
    void framesAndGlobalsRespectTheirLimits() {
        ReferenceModel m = model(Resolver.BASE_SLOTS, Resolver.BASE_RAW_SLOTS);
        assertInstanceOf(Step.Skip.class, resolver.resolve(new Action.PopFrame(), m));
        assertEquals(new Step.PushFrame(3, 2), resolver.resolve(new Action.PushFrame(3, 5), m), "5 mod 3 raw slots");
        for (int i = 1; i < Resolver.MAX_DEPTH; i++) {
            run(m, new Action.PushFrame(0, 1));
        }
        assertEquals(Resolver.MAX_DEPTH, m.depth());
        assertInstanceOf(Step.Skip.class, resolver.resolve(new Action.PushFrame(3, 0), m));
        assertInstanceOf(Step.Skip.class, resolver.resolve(new Action.LoadGlobal(0, 0), m));
        run(m, new Action.RegisterGlobal(0));
        run(m, new Action.RegisterGlobal(0));
        assertInstanceOf(Step.Skip.class, resolver.resolve(new Action.RegisterGlobal(0), m));
        assertEquals(new Step.UnregisterGlobal(1), resolver.resolve(new Action.UnregisterGlobal(3), m));
    }

    @Test
    void rawAddressesNameAnObjectCellAndPinsFollowTheModel() {
        ReferenceModel m = model(4, 2);
        assertInstanceOf(Step.Skip.class, resolver.resolve(new Action.SetRawAddress(0, 0, 0, 0), m));
        run(m, new Action.AllocShaped(0, 1)); // a Pair: a cell of 4 words with two header words
        assertEquals(new Step.SetRawAddress(1, 8, true, 2), resolver.resolve(new Action.SetRawAddress(3, 5, -1, 2), m));
        assertEquals(new Step.SetRawAddress(1, 0, false, 3), resolver.resolve(new Action.SetRawAddress(0, 4, 2, 5), m));
        assertEquals(new Step.SetRawAddress(1, 8, false, 3), new Resolver(2, true, 1)
                .resolve(new Action.SetRawAddress(0, 4, 2, 5), m), "a cell of 3 words with one header word");
        assertInstanceOf(Step.Skip.class, resolver.resolve(new Action.SetRawAddress(0, 0, 0, 0), model(2, 0)));
        assertInstanceOf(Step.Skip.class, resolver.resolve(new Action.Unpin(0), m)); // nothing pinned yet
        assertInstanceOf(Step.Skip.class, new Resolver(2, false, 2).resolve(new Action.Pin(0), m));
        run(m, new Action.Pin(7));
        ModelObject pair = m.slot(1).target();
        assertTrue(m.isPinned(pair));
        assertEquals(new Step.Unpin(1), resolver.resolve(new Action.Unpin(3), m));
        run(m, new Action.Unpin(0));
        assertFalse(m.isPinned(pair));
    }

    @Test
    void theLostObjectPatternBuildsAToBToCAndLeavesAInItsSlot() {
        assertInstanceOf(Step.Skip.class, resolver.resolve(new Action.LostObjectPattern(0), model(4, 2)));
        ReferenceModel m = model(4, 1);
        Step s = run(m, new Action.LostObjectPattern(2));
        Step.Sequence pattern = assertInstanceOf(Step.Sequence.class, s);
        assertEquals(new Step.Collect(), pattern.steps().getFirst());
        assertEquals(new Step.StepUntilSwept(2), pattern.steps().getLast());
        ModelObject a = m.slot(2).target();
        ModelObject b = a.word(0).target();
        ModelObject c = a.word(1).target();
        assertEquals(List.of(3, 2, 1), List.of(a.serial(), b.serial(), c.serial())); // C first, A last
        assertEquals(Value.NULL, b.word(0));
        assertEquals(Value.NULL, m.slot(0));
        assertEquals(Value.NULL, m.slot(1));
    }

    @Test
    void aTraceShowsEachActionWithItsResolvedStep() {
        String trace = Trace.render(Program.of(new Action.AllocShaped(0, 9), new Action.WriteRef(0, 1, 1),
                new Action.PopFrame()), 4, true, 2);
        List<String> lines = trace.lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).contains("s3 := new Pair"), lines.get(0)); // 9 mod the base frame's 6 reference slots
        assertTrue(lines.get(1).contains("s3.f1 := s1"), lines.get(1));
        assertTrue(lines.get(2).contains("skipped"), lines.get(2));
    }
}
