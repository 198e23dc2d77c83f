package dev.parallax.gc.properties.schedule;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

import java.util.List;

/**
 * A thread interleaving for the deterministic scheduler ({@link Baton}): which participant runs next
 * and for how many steps. Participants are the mutator threads {@code 0..n-1} and the collecting
 * control thread {@code n}; a step is one action of a mutator's program (every yield point is an action
 * boundary) or one collection of the control thread.
 *
 * <p>The schedule is a list of {@link Turn turns} followed by a round-robin tail: turn {@code i} gives
 * the {@code participant}-th participant still running (counted modulo how many are, so any turn is
 * valid whatever has finished) {@code 1 + extraSteps} steps; when the turns are used up, the
 * participants still running take {@code tailSteps} steps each in index order, round and round.
 * Generated schedules ({@link #random}) shrink towards fewer, shorter turns of participant 0, so a
 * failing interleaving shrinks to a short schedule; {@link #roundRobin} has no turns at all.
 *
 * @param turns     the explicit turns, in order
 * @param tailSteps steps per participant once the turns are used up (at least 1)
 */
public record Schedule(List<Turn> turns, int tailSteps) {
    /** Turns in a generated schedule: at most this many. */
    public static final int MAX_TURNS = 64;
    /** Extra steps of a generated turn: at most this many. */
    public static final int MAX_EXTRA_STEPS = 7;

    /** One turn: the {@code participant}-th running participant (modulo) takes {@code 1 + extraSteps} steps. */
    public record Turn(int participant, int extraSteps) {
        @Override
        public String toString() {
            return "p" + participant + "x" + (1 + extraSteps);
        }
    }

    public Schedule {
        turns = List.copyOf(turns);
        if (tailSteps < 1) {
            throw new IllegalArgumentException("a schedule's round-robin tail takes at least 1 step per turn, not "
                    + tailSteps);
        }
    }

    /** No turns: round-robin, {@code every} steps per participant. */
    public static Schedule roundRobin(int every) {
        return new Schedule(List.of(), every);
    }

    /**
     * Generated schedules for {@code participants} participants: up to {@link #MAX_TURNS} turns of up to
     * {@code 1 + MAX_EXTRA_STEPS} steps, then a one-step round-robin tail. Drawn from the property's
     * seed, so the seed fixes the interleaving as it fixes the programs.
     */
    public static Gen<Schedule> random(int participants) {
        Gen<Turn> turn = Generate.range(0, participants - 1).zip(Generate.range(0, MAX_EXTRA_STEPS), Turn::new);
        return SourceDSL.lists().of(turn).ofSizeBetween(0, MAX_TURNS)
                .map(ts -> new Schedule(ts, 1))
                .describedAs(Schedule::toString);
    }

    /** "turns [p0x3, p2x1] then round-robin 1 step each". */
    @Override
    public String toString() {
        return (turns.isEmpty() ? "" : "turns " + turns + " then ") + "round-robin " + tailSteps + " step"
                + (tailSteps == 1 ? "" : "s") + " each";
    }
}
