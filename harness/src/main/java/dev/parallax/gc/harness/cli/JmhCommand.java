package dev.parallax.gc.harness.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code parallax jmh}: listed here so that help shows it; the {@code ./parallax} launcher runs it
 * itself (JMH's own main on the benchmarks module's class path) and never reaches this class.
 */
@Command(name = "jmh", description = "Runs the JMH micro-benchmarks of the hot paths with JMH's own options "
        + "(e.g. ./parallax jmh -l, ./parallax jmh TagDecode -f 1 -wi 3 -i 5); the launcher runs it.")
public final class JmhCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "JMH-OPTIONS", description = "JMH's own options and benchmark patterns.")
    List<String> patterns;

    @Spec
    CommandSpec spec;

    /** JMH's options, which picocli does not know. */
    @Unmatched
    List<String> options;

    private List<String> arguments() {
        List<String> all = new java.util.ArrayList<>();
        if (options != null) {
            all.addAll(options);
        }
        if (patterns != null) {
            all.addAll(patterns);
        }
        return all.isEmpty() ? List.of("-l") : all;
    }

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "jmh runs through the ./parallax launcher (it needs the benchmarks module's class path): "
                        + "./parallax jmh " + String.join(" ", arguments()));
    }
}
