package dev.parallax.gc.properties.run;

import dev.parallax.gc.properties.program.Action;
import dev.parallax.gc.properties.program.Program;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Shrinks a failing program further than QuickTheories' integrated shrinking can (which shortens
 * lists only from the end): removes chunks of actions anywhere, then replaces actions by their
 * simplest form, keeping every change under which the program still breaks the same invariant.
 * Sound because any action sequence is executable (operands resolve modulo the state).
 */
public final class Minimizer {
    /** The result: the smallest program found and the violation it causes. */
    public record Result(Program program, InvariantViolation violation) {
    }

    private final Function<Program, InvariantViolation> run;
    private final Invariant invariant;
    private int budget;

    private Minimizer(Function<Program, InvariantViolation> run, Invariant invariant, int budget) {
        this.run = run;
        this.invariant = invariant;
        this.budget = budget;
    }

    /**
     * @param run    runs a program, returning its violation or null when it passes
     * @param budget at most this many runs
     */
    public static Result minimize(Program failing, InvariantViolation violation,
                                  Function<Program, InvariantViolation> run, int budget) {
        Minimizer m = new Minimizer(run, violation.invariant(), budget);
        Result best = new Result(failing, violation);
        Result next;
        do {
            next = m.simplify(m.removeChunks(best));
            boolean progress = !next.program().equals(best.program());
            best = next;
            if (!progress) {
                break;
            }
        } while (m.budget > 0);
        return best;
    }

    private Result removeChunks(Result best) {
        for (int chunk = Math.max(1, best.program().size() / 2); chunk >= 1 && budget > 0; chunk /= 2) {
            for (int start = best.program().size() - chunk; start >= 0 && budget > 0; start--) {
                List<Action> candidate = new ArrayList<>(best.program().actions());
                candidate.subList(start, Math.min(start + chunk, candidate.size())).clear();
                Result r = attempt(new Program(candidate));
                if (r != null) {
                    best = r;
                    start = Math.min(start + 1, best.program().size() - chunk + 1); // retry here
                }
            }
        }
        return best;
    }

    private Result simplify(Result best) {
        for (int i = 0; i < best.program().size() && budget > 0; i++) {
            Action a = best.program().actions().get(i);
            if (!a.simplest().equals(a)) {
                List<Action> candidate = new ArrayList<>(best.program().actions());
                candidate.set(i, a.simplest());
                Result r = attempt(new Program(candidate));
                best = r != null ? r : best;
            }
        }
        return best;
    }

    /** Runs a candidate; it counts if it breaks the same invariant. */
    private Result attempt(Program candidate) {
        budget--;
        InvariantViolation v = run.apply(candidate);
        return v != null && v.invariant() == invariant ? new Result(candidate, v) : null;
    }
}
