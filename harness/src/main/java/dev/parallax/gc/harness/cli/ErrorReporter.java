package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.HeapExhaustedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

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
        return report(ex.getCommandLine().getErr(), ex, ex.getMessage(), USAGE);
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

    private int report(PrintWriter err, Throwable ex, String message, int code) {
        err.println("error: " + message);
        if (stacktrace) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
