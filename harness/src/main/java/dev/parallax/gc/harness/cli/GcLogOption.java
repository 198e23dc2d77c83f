package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.harness.report.GcLog;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --gc-log[=FILE]} and {@code --gc-log-level} options: a HotSpot-style GC log of every
 * runtime the command creates, to standard output or to FILE (truncated when the command starts).
 */
public final class GcLogOption {
    @Option(names = "--gc-log", arity = "0..1", fallbackValue = "-", paramLabel = "FILE",
            description = "Log every pause, HotSpot style ([uptime][info][gc] GC(n) Pause Full (collector, reason) "
                    + "before->after(capacity) time), to FILE, or to standard output without one.")
    String target;

    @Option(names = "--gc-log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "info: a line per pause (default); debug: also time-to-safepoint and each phase.")
    GcLog.Level level;

    /** Whether the log was asked for. */
    boolean enabled() {
        return target != null;
    }

    /** The log file's path, "-" for standard output, or null without --gc-log. */
    String target() {
        return target;
    }

    GcLog.Level level() {
        return level;
    }

    /**
     * Checks the file and empties it, before anything runs; nothing without --gc-log or for stdout.
     *
     * @throws CommandLine.ParameterException when it cannot be written
     */
    void prepare(CommandLine commandLine) throws IOException {
        if (target != null && !target.equals("-")) {
            Files.writeString(OutputPaths.writableFile(commandLine, "--gc-log", Path.of(target)), "",
                    StandardCharsets.UTF_8);
        }
    }

    /** A writer for the log ({@code stdout} itself or the file, appended to), or null without --gc-log. */
    PrintWriter open(PrintWriter stdout) throws IOException {
        if (target == null) {
            return null;
        }
        return target.equals("-") ? stdout : new PrintWriter(Files.newBufferedWriter(Path.of(target),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND), true);
    }

    /** Logs {@code runtime}'s collections to {@code writer} when the log was asked for. */
    void attach(GcRuntime runtime, PrintWriter writer) {
        if (writer != null) {
            GcLog.attach(runtime, writer, level);
        }
    }
}
