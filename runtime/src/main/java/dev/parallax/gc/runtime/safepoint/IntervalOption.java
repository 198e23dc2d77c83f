package dev.parallax.gc.runtime.safepoint;

import java.util.Map;

/** The option every safepoint policy's provider declares: {@value SafepointInterval#OPTION}. */
final class IntervalOption {
    static final Map<String, String> DECLARATION = Map.of(SafepointInterval.OPTION,
            "poll at every N-th site of the policy's kind (default 1, every site)");

    private IntervalOption() {
    }
}
