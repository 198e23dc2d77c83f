package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.bench.Warmup;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How many benchmark bodies a row runs: warm-up until body times settle, then the timed ones. */
public final class BodyOptions {
    @Option(names = "--bodies", paramLabel = "N", defaultValue = "5",
            description = "Timed bodies per row (default ${DEFAULT-VALUE}); the median is reported.")
    int bodies;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "4",
            description = "At least N untimed warm-up bodies per row (default ${DEFAULT-VALUE}), then more until two "
                    + "consecutive ones are within --settle percent.")
    int warmup;

    @Option(names = "--max-warmup", paramLabel = "N", defaultValue = "20",
            description = "At most N warm-up bodies (default ${DEFAULT-VALUE}; at least --warmup); a row that did not "
                    + "settle is marked * and named in a note.")
    int maxWarmup;

    @Option(names = "--settle", paramLabel = "PCT", defaultValue = "5",
            description = "Warm-up ends when two consecutive bodies differ by at most PCT percent (default "
                    + "${DEFAULT-VALUE}).")
    double settlePercent;

    /** The warm-up rule; refuses counts below their minimum. */
    Warmup warmupRule(CommandLine commandLine) {
        if (bodies < 1) {
            throw new ParameterException(commandLine, "--bodies must be at least 1, not " + bodies);
        }
        if (warmup < 0 || maxWarmup < warmup || !(settlePercent >= 0)) {
            throw new ParameterException(commandLine, "--warmup must be at least 0, --max-warmup at least "
                    + "--warmup and --settle at least 0, not " + warmup + ", " + maxWarmup + " and " + settlePercent);
        }
        return new Warmup(warmup, maxWarmup, settlePercent / 100);
    }
}
