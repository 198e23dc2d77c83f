package dev.parallax.gc.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The {@code --report DIR} option: one self-contained HTML page of the tables, charts and legend. */
public final class ReportOption {
    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write an HTML report (tables, charts, legend; one self-contained file) into DIR, "
                    + "created if missing; its path is printed.")
    Path dir;

    /**
     * The directory, created now so that a bad path fails before anything runs; null without --report.
     *
     * @throws ParameterException when it cannot be created or written
     */
    Path prepare(CommandLine commandLine) {
        return dir == null ? null : OutputPaths.writableDirectory(commandLine, "--report", dir);
    }

    /** Prints {@code report: PATH}. */
    static void print(PrintWriter out, Path page) {
        out.println("report: " + page);
        out.flush();
    }
}
