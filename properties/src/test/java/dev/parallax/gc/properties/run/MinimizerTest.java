package dev.parallax.gc.properties.run;

import dev.parallax.gc.properties.program.Action;
import dev.parallax.gc.properties.program.Program;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The minimizer against a synthetic failure: it must find the essential actions and nothing else. */
class MinimizerTest {

    /** "Fails" with graph-equivalence when a ref array is allocated and a collection follows it. */
    private static final Function<Program, InvariantViolation> ARRAY_THEN_COLLECT = p -> {
        boolean array = false;
        for (Action a : p.actions()) {
            array |= a instanceof Action.AllocRefArray;
            if (array && a instanceof Action.Collect) {
                return new InvariantViolation(Invariant.GRAPH_EQUIVALENCE, "synthetic");
            }
        }
        return null;
    };

    @Test
    void keepsOnlyTheActionsTheFailureNeedsInTheirSimplestForm() {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            actions.add(new Action.AllocShaped(i, i));
            actions.add(i == 17 ? new Action.AllocRefArray(5, 3) : new Action.Poll());
            actions.add(i == 30 ? new Action.Collect() : new Action.Copy(i, i + 1));
        }
        Program failing = new Program(actions);
        Minimizer.Result r = Minimizer.minimize(failing, ARRAY_THEN_COLLECT.apply(failing), ARRAY_THEN_COLLECT, 1000);
        assertEquals(Program.of(new Action.AllocRefArray(0, 0), new Action.Collect()), r.program());
        assertEquals(Invariant.GRAPH_EQUIVALENCE, r.violation().invariant());
    }

    @Test
    void ignoresCandidatesThatBreakAnotherInvariant() {
        Function<Program, InvariantViolation> run = p -> p.size() >= 3
                ? new InvariantViolation(Invariant.IDENTITY_STABILITY, "long")
                : new InvariantViolation(Invariant.COMPLETE_RECLAMATION, "short");
        Program failing = Program.of(new Action.Poll(), new Action.Poll(), new Action.Poll(), new Action.Poll());
        Minimizer.Result r = Minimizer.minimize(failing, run.apply(failing), run, 100);
        assertEquals(3, r.program().size());
    }
}
