package dev.parallax.gc.properties.schedule;

import dev.parallax.gc.properties.program.Program;

import java.util.List;

/**
 * One example of the concurrent property: a program per thread and the schedule that interleaves them
 * (null when the threads run free). Generated, shrunk and minimised as one value, so the seed fixes
 * both.
 */
public record ConcurrentCase(List<Program> programs, Schedule schedule) {
    public ConcurrentCase {
        programs = List.copyOf(programs);
    }

    /** The same case with thread {@code i}'s program replaced. */
    public ConcurrentCase withProgram(int i, Program program) {
        List<Program> copy = new java.util.ArrayList<>(programs);
        copy.set(i, program);
        return new ConcurrentCase(copy, schedule);
    }

    public ConcurrentCase withSchedule(Schedule s) {
        return new ConcurrentCase(programs, s);
    }

    @Override
    public String toString() {
        return dev.parallax.gc.properties.program.Programs.render(programs) + "schedule: "
                + (schedule == null ? "free-running" : schedule) + "\n";
    }
}
