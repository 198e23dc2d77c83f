package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.plot.PlotFiles;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The {@code --plot DIR} option of the commands that draw charts next to their tables. */
public final class PlotOption {
    @Option(names = "--plot", paramLabel = "DIR",
            description = "Also draw the results as PNG charts into DIR (created if missing); their paths are printed.")
    Path dir;

    /**
     * The directory, created now so that a bad path fails before anything runs; null without --plot.
     *
     * @throws ParameterException when it cannot be created or written
     */
    Path prepare(CommandLine commandLine) {
        return dir == null ? null : OutputPaths.writableDirectory(commandLine, "--plot", dir);
    }

    /** Prints a line per chart written ({@code plot: PATH}) and per chart skipped, saying why. */
    static void print(PrintWriter out, PlotFiles files) {
        files.written().forEach(path -> out.println("plot: " + path));
        files.skipped().forEach(why -> out.println("plot: skipped " + why));
        out.flush();
    }
}
