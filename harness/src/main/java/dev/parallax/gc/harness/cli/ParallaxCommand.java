package dev.parallax.gc.harness.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level {@code parallax} command; its subcommands do the work ({@code bench} when none is named). */
@Command(name = "parallax", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"parallax-gc: pluggable garbage collectors on a real off-heap heap.",
                "Without a command, runs 'bench'."})
public final class ParallaxCommand implements Runnable {
    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "On an error, also print the stack trace.")
    boolean stacktrace;

    @Spec
    CommandSpec spec;

    /** Runs when no subcommand is named (Main names {@code bench} then, other callers may not): shows the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
