package dev.parallax.gc.properties;

import dev.parallax.gc.properties.run.Coverage;

/**
 * The outcome of a property check, for people (the CLI prints {@link #render()}) and for tests.
 *
 * @param property       what was checked: the property, the strategies and the seed
 * @param programsTried  generated programs (or program sets) run before the verdict, shrinking excluded
 * @param passed         whether every program kept every invariant
 * @param counterexample for a failure, the shrunk program: one numbered action per line with the step
 *                       it resolved to (for a concurrent check, one block per thread); else empty
 * @param failure        for a failure, the violation: invariant, when, where, expected vs actual; else empty
 * @param coverage       what the programs tried exercised: invariants checked, pauses, collector
 *                       counters ({@link Coverage#NONE} when not counted)
 */
public record CheckReport(String property, int programsTried, boolean passed, String counterexample,
                          String failure, Coverage coverage) {

    /** A report without coverage. */
    public CheckReport(String property, int programsTried, boolean passed, String counterexample, String failure) {
        this(property, programsTried, passed, counterexample, failure, Coverage.NONE);
    }

    public static CheckReport pass(String property, int programsTried) {
        return new CheckReport(property, programsTried, true, "", "");
    }

    /** The same report with {@code coverage}. */
    public CheckReport withCoverage(Coverage coverage) {
        return new CheckReport(property, programsTried, passed, counterexample, failure, coverage);
    }

    /** The number of actions in the counterexample (its numbered lines). */
    public int counterexampleActions() {
        return (int) counterexample.lines().filter(l -> l.matches("\\s*\\d+\\. .*")).count();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("property:       ").append(property).append('\n');
        out.append("programs tried: ").append(programsTried).append('\n');
        out.append("result:         ").append(passed ? "PASSED" : "FAILED").append('\n');
        if (!coverage.equals(Coverage.NONE)) {
            out.append(coverage.render());
        }
        if (!passed) {
            out.append("counterexample (").append(counterexampleActions()).append(" actions, shrunk):\n");
            out.append(counterexample);
            if (!counterexample.endsWith("\n")) {
                out.append('\n');
            }
            out.append("failure:\n  ").append(failure.replace("\n", "\n  ")).append('\n');
        }
        return out.toString();
    }
}
