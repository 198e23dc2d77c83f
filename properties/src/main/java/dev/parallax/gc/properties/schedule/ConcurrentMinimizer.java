package dev.parallax.gc.properties.schedule;

import dev.parallax.gc.properties.run.InvariantViolation;
import dev.parallax.gc.properties.run.Minimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Shrinks a failing concurrent case further than QuickTheories does, as {@link Minimizer} does for one
 * program: removes chunks of the schedule's turns and simplifies the rest to "participant 0, one
 * step", then minimises each thread's program in turn with the others fixed, keeping every change
 * under which the case still breaks the same invariant. Sound only because a scheduled run is
 * deterministic: the same case always fails the same way.
 */
public final class ConcurrentMinimizer {
    private ConcurrentMinimizer() {
    }

    /** The result: the smallest case found and its violation. */
    public record Result(ConcurrentCase value, InvariantViolation violation) {
    }

    /**
     * @param run    runs a case, returning its violation or null when it passes
     * @param budget at most this many runs
     */
    public static Result minimize(ConcurrentCase failing, InvariantViolation violation,
                                  Function<ConcurrentCase, InvariantViolation> run, int budget) {
        int[] left = {budget};
        Function<ConcurrentCase, InvariantViolation> counted = c -> {
            left[0]--;
            return run.apply(c);
        };
        Result best = new Result(failing, violation);
        if (failing.schedule() != null) {
            best = shortenSchedule(best, counted, left);
        }
        for (int i = 0; i < best.value().programs().size() && left[0] > 0; i++) {
            int thread = i;
            ConcurrentCase base = best.value();
            Minimizer.Result r = Minimizer.minimize(base.programs().get(thread), best.violation(),
                    p -> counted.apply(base.withProgram(thread, p)), Math.max(1, left[0] / (base.programs().size() - i)));
            best = new Result(base.withProgram(thread, r.program()), r.violation());
        }
        return best;
    }

    private static Result shortenSchedule(Result best, Function<ConcurrentCase, InvariantViolation> run, int[] left) {
        List<Schedule.Turn> turns = best.value().schedule().turns();
        for (int chunk = Math.max(1, turns.size() / 2); chunk >= 1 && left[0] > 0; chunk /= 2) {
            for (int start = turns.size() - chunk; start >= 0 && left[0] > 0; start--) {
                List<Schedule.Turn> candidate = new ArrayList<>(turns);
                candidate.subList(start, Math.min(start + chunk, candidate.size())).clear();
                Result r = attempt(best, new Schedule(candidate, best.value().schedule().tailSteps()), run);
                if (r != null) {
                    best = r;
                    turns = candidate;
                    start = Math.min(start, turns.size() - chunk + 1);
                }
            }
        }
        for (int i = 0; i < turns.size() && left[0] > 0; i++) {
            Schedule.Turn simplest = new Schedule.Turn(0, 0);
            if (!turns.get(i).equals(simplest)) {
                List<Schedule.Turn> candidate = new ArrayList<>(turns);
                candidate.set(i, simplest);
                Result r = attempt(best, new Schedule(candidate, best.value().schedule().tailSteps()), run);
                if (r != null) {
                    best = r;
                    turns = candidate;
                }
            }
        }
        return best;
    }

    private static Result attempt(Result best, Schedule candidate, Function<ConcurrentCase, InvariantViolation> run) {
        ConcurrentCase c = best.value().withSchedule(candidate);
        InvariantViolation v = run.apply(c);
        return v != null && v.invariant() == best.violation().invariant() ? new Result(c, v) : null;
    }
}
