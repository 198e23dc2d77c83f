package dev.parallax.gc.properties.reference;

import dev.parallax.gc.api.reference.ReferenceKind;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

import java.util.List;

import org.quicktheories.api.Pair;

/** Generators of reference programs: lists of {@link RefAction}s weighted towards building graphs, references and collections. */
public final class RefPrograms {
    private RefPrograms() {
    }

    public static Gen<List<RefAction>> programs(int maxActions) {
        return SourceDSL.lists().of(actions()).ofSizeBetween(1, maxActions);
    }

    public static Gen<RefAction> actions() {
        // wide ranges taken modulo: QuickTheories favours the ends of a range, which would make most operands 0
        Gen<Integer> slot = Generate.range(0, 1 << 20).map(i -> i % RefModel.SLOTS);
        Gen<Integer> field = Generate.range(0, 1 << 20).map(i -> i % 2);
        Gen<ReferenceKind> kind = Generate.pick(List.of(ReferenceKind.values()));
        return Generate.frequency(List.<Pair<Integer, Gen<RefAction>>>of(
                of(14, slot.map(RefAction.Alloc::new)),
                of(6, slot.zip(field, slot, RefAction.Link::new)),
                of(2, slot.zip(field, slot, RefAction.Load::new)),
                of(7, slot.map(RefAction.Drop::new)),
                of(8, kind.zip(slot, slot, RefAction.NewRef::new)),
                of(3, slot.zip(slot, RefAction.Get::new)),
                of(3, slot.zip(slot, slot, RefAction.NewEphemeron::new)),
                of(2, slot.zip(slot, RefAction.EphemeronValue::new)),
                of(6, slot.zip(Generate.booleans(), RefAction.Finalize::new)),
                of(6, Generate.booleans().map(p -> new RefAction.Collect(p))),
                of(2, Generate.constant(new RefAction.Step())),
                of(1, Generate.constant(new RefAction.PollAll())),
                of(1, Generate.constant(new RefAction.Release()))));
    }

    private static Pair<Integer, Gen<RefAction>> of(int weight, Gen<? extends RefAction> gen) {
        return Pair.of(weight, gen.map(a -> (RefAction) a));
    }
}
