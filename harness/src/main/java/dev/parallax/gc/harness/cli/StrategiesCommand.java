package dev.parallax.gc.harness.cli;

import dev.parallax.gc.runtime.StrategyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code parallax strategies}: lists every strategy on the class path, by axis, with its description. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "Lists every strategy found on the class path, by axis, with a sentence on each.")
public final class StrategiesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(StrategyCatalog.discover().describe());
        return 0;
    }
}
