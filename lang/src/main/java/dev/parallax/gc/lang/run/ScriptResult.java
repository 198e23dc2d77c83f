package dev.parallax.gc.lang.run;

import dev.parallax.gc.api.GcStats;

import java.util.List;

/**
 * How a script run ended.
 *
 * @param script          the script's file name
 * @param engine          the engine that ran it
 * @param failures        one message per failure (a thread's error, a failed assertion, a missing
 *                        out-of-memory); empty when the script passed
 * @param outOfMemoryAsExpected threads that ran out of memory after {@code expect(OutOfMemory)}
 * @param nanos           wall time of the run, threads included (compilation included for the compiler)
 * @param stats           the runtime's totals at the end
 */
public record ScriptResult(String script, String engine, List<String> failures, int outOfMemoryAsExpected, long nanos,
                           GcStats stats) {
    public ScriptResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
