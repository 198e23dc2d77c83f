package dev.parallax.gc.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of the files and directories a command will write, made before it runs anything. */
final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Checks that {@code file} can be written: its directory exists and is writable, and it is not
     * a directory or a read-only file.
     *
     * @throws ParameterException naming {@code option} and what is wrong
     */
    static Path writableFile(CommandLine commandLine, String option, Path file) {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new ParameterException(commandLine, option + ": cannot write " + file + ": the directory " + parent
                    + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new ParameterException(commandLine, option + ": cannot write " + file + ": it is a directory");
        }
        if (Files.exists(absolute) ? !Files.isWritable(absolute) : !Files.isWritable(parent)) {
            throw new ParameterException(commandLine, option + ": cannot write " + file + ": permission denied");
        }
        return file;
    }

    /**
     * Creates {@code dir} (and its parents) if missing and checks that it can be written.
     *
     * @throws ParameterException naming {@code option} and what is wrong
     */
    static Path writableDirectory(CommandLine commandLine, String option, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ParameterException(commandLine, option + ": cannot create the directory " + dir + ": " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw new ParameterException(commandLine, option + ": the directory " + dir + " is not writable");
        }
        return dir;
    }
}
