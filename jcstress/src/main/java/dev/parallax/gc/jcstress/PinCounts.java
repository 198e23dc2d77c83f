package dev.parallax.gc.jcstress;

import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.runtime.collection.PinTable;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IZ_Result;

import java.lang.foreign.Arena;

/**
 * Pins are counts updated atomically with the header bit (issue 8, defect 4): an object pinned once,
 * then pinned by one thread and unpinned by another at the same time, is still pinned exactly once,
 * and its header says so. A plain read-modify-write of one header bit loses this.
 */
@JCStressTest
@Outcome(id = "1, true", expect = Expect.ACCEPTABLE, desc = "one pin left, the header's pinned bit set")
@Outcome(expect = Expect.FORBIDDEN, desc = "a pin update was lost, or count and header disagree")
@State
public class PinCounts {
    private final ObjectModel objects = new ObjectModel(Arena.ofAuto().allocate(64, 8), new ShapeTable(), false, false);
    private final PinTable pins = new PinTable(objects);
    private final long box = objects.base();

    public PinCounts() {
        objects.initialize(box, ObjectKind.BOXED_LONG, 0, 1, 0);
        pins.pin(box);
    }

    @Actor
    public void pinner() {
        pins.pin(box);
    }

    @Actor
    public void unpinner() {
        pins.unpin(box);
    }

    @Arbiter
    public void arbiter(IZ_Result r) {
        r.r1 = pins.count(box);
        r.r2 = objects.isPinned(box);
    }
}
