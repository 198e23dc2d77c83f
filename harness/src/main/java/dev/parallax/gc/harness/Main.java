package dev.parallax.gc.harness;

import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.harness.cli.BenchCommand;
import dev.parallax.gc.harness.cli.CheckCommand;
import dev.parallax.gc.harness.cli.EnginesCommand;
import dev.parallax.gc.harness.cli.ErrorReporter;
import dev.parallax.gc.harness.cli.JmhCommand;
import dev.parallax.gc.harness.cli.RefScanCommand;
import dev.parallax.gc.harness.cli.MinHeapCommand;
import dev.parallax.gc.harness.cli.ParallaxCommand;
import dev.parallax.gc.harness.cli.RetentionCommand;
import dev.parallax.gc.harness.cli.RunCommand;
import dev.parallax.gc.harness.cli.SafepointsCommand;
import dev.parallax.gc.harness.cli.StrategiesCommand;
import dev.parallax.gc.harness.cli.UserClasspath;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code parallax} command line: {@code bench} (the default), {@code check}, {@code minheap}, {@code run},
 * {@code engines}, {@code retention}, {@code safepoints}, {@code strategies}, and {@code jmh} (run by the
 * launcher itself).
 * Exit codes: 0 success, 1 a failure ({@link ErrorReporter#FAILURE}), 2 a usage or configuration
 * error ({@link ErrorReporter#USAGE}).
 */
public final class Main {
    /** Top-level options that do not mean "run bench with these flags". */
    private static final Set<String> TOP_LEVEL_ONLY = Set.of("-h", "--help", "-V", "--version");

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }

    /** Runs a command line and returns its exit code instead of exiting. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean stacktrace = Arrays.asList(args).contains("--stacktrace");
        ErrorReporter errors = new ErrorReporter(stacktrace);
        String typed = typed(args);
        CommandLine commandLine = new CommandLine(new ParallaxCommand())
                .addSubcommand(new BenchCommand(typed))
                .addSubcommand(new CheckCommand())
                .addSubcommand(new MinHeapCommand(typed))
                .addSubcommand(new RunCommand())
                .addSubcommand(new EnginesCommand(typed))
                .addSubcommand(new RetentionCommand(typed))
                .addSubcommand(new SafepointsCommand(typed))
                .addSubcommand(new StrategiesCommand())
                .addSubcommand(new RefScanCommand(typed))
                .addSubcommand(new JmhCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        SafepointsCommand.removeIgnoredOptions(commandLine.getSubcommands().get("safepoints").getCommandSpec());
        MinHeapCommand.removeIgnoredOptions(commandLine.getSubcommands().get("minheap").getCommandSpec());
        try {
            UserClasspath.check(System.getProperty(UserClasspath.PROPERTY));
            return commandLine.execute(withDefaultCommand(args));
        } catch (GcConfigException e) {
            return errors.report(err, e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code bench} is implied when the arguments start with an option (other than help/version) or are empty. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length > 0 && !(args[0].startsWith("-") && !TOP_LEVEL_ONLY.contains(args[0]))) {
            return args;
        }
        List<String> withBench = new ArrayList<>(List.of("bench"));
        withBench.addAll(Arrays.asList(args));
        return withBench.toArray(String[]::new);
    }

    /** The command line as the user typed it, for the experiments' legends. */
    private static String typed(String[] args) {
        String launcher = System.getProperty("parallax.launcher", "parallax");
        return launcher + Arrays.stream(args).map(Main::quoted).map(a -> " " + a).collect(Collectors.joining());
    }

    private static String quoted(String arg) {
        return arg.isEmpty() || arg.matches(".*[\\s'\"$].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg;
    }
}
