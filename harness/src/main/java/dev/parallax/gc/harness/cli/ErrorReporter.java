package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.HeapExhaustedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.Model.CommandSpec;
import dev.parallax.gc.runtime.NearestName;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * Turns failures into one line {@code error: <message>} on stderr and an exit code: {@link #USAGE}
 * for what the user can fix (bad flags, an unusable config, a heap too small), {@link #FAILURE} for
 * anything else, which is a bug and always gets its stack trace. {@code --stacktrace} shows it for
 * the user errors too.
 */
public final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Exit code: a property or a check failed, or the heap broke. */
    public static final int FAILURE = 1;
    /** Exit code: bad command line, configuration, or heap size. */
    public static final int USAGE = 2;

    private final boolean stacktrace;

    /** @param stacktrace print stack traces for user errors too */
    public ErrorReporter(boolean stacktrace) {
        this.stacktrace = stacktrace;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        String message = ex instanceof UnmatchedArgumentException unmatched ? unmatched(unmatched) : ex.getMessage();
        return report(ex.getCommandLine().getErr(), ex, message, USAGE);
    }

    /**
     * One thing named per message: the unknown command (with the valid ones), or the first unknown
     * option (not its value, which picocli would list as a second unknown option), each with the
     * nearest valid name.
     */
    static String unmatched(UnmatchedArgumentException ex) {
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        List<String> unmatched = ex.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.getFirst();
        String option = unmatched.stream().filter(a -> a.startsWith("-")).findFirst().orElse(null);
        if (option != null) {
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            List<String> names = spec.options().stream().flatMap(o -> Arrays.stream(o.names())).toList();
            return "unknown option '" + name + "'" + NearestName.hint(name, names) + " for '" + spec.qualifiedName()
                    + "'; see '" + spec.qualifiedName() + " --help'";
        }
        if (!spec.subcommands().isEmpty()) {
            List<String> commands = List.copyOf(spec.subcommands().keySet());
            return "unknown command '" + first + "'" + NearestName.hint(first, commands) + "; commands: "
                    + String.join(", ", commands);
        }
        return "unexpected argument '" + first + "' for '" + spec.qualifiedName() + "'; see '" + spec.qualifiedName()
                + " --help'";
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable user = userError(ex);
        if (user != null) {
            return report(err, ex, user.getMessage(), USAGE);
        }
        err.println("error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return FAILURE;
    }

    /** The configuration, heap-size or usage error in {@code ex}'s cause chain, or null. */
    private static Throwable userError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof GcConfigException || t instanceof HeapExhaustedException
                    || t instanceof ParameterException) {
                return t;
            }
        }
        return null;
    }

    /** Reports a user error found outside picocli (e.g. the launcher's class path): one line, exit {@link #USAGE}. */
    public int report(PrintWriter err, GcConfigException ex) {
        return report(err, ex, ex.getMessage(), USAGE);
    }

    private int report(PrintWriter err, Throwable ex, String message, int code) {
        err.println("error: " + message);
        if (stacktrace) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
