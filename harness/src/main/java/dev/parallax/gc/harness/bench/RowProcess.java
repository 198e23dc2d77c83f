package dev.parallax.gc.harness.bench;

import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.HeapExhaustedException;
import dev.parallax.gc.harness.gcbench.GcBenchFailure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one benchmark row in a fresh JVM, so that no row inherits another's compiled code, heap
 * state or JIT profile: the parent writes the {@link RowSpec} to a file, starts {@code java} with the
 * given flags and this JVM's class path on {@link #main}, forwards the child's standard output (its
 * GC log) and its standard error (progress), and reads the row, or the child's failure, back from a
 * second file.
 */
public final class RowProcess {
    /** What a child hands back: its row, or how it failed. */
    record Outcome(BenchRow row, String failureClass, String message, String trace) implements Serializable {
    }

    private RowProcess() {
    }

    /**
     * Runs {@code spec} in a child JVM started with {@code jvmFlags} and returns its row.
     *
     * @throws GcConfigException, HeapExhaustedException or GcBenchFailure as the child threw them
     *         (others as an IllegalStateException carrying the child's stack trace)
     */
    public static BenchRow run(RowSpec spec, List<String> jvmFlags, PrintWriter stdout, Consumer<String> progress)
            throws IOException, InterruptedException {
        Path specFile = Files.createTempFile("parallax-row-", ".spec");
        Path resultFile = Files.createTempFile("parallax-row-", ".result");
        try {
            write(specFile, spec);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmFlags);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(RowProcess.class.getName());
            command.add(specFile.toString());
            command.add(resultFile.toString());
            Process child = new ProcessBuilder(command).start();
            child.getOutputStream().close();
            Thread errors = Thread.ofPlatform().daemon().start(() -> forward(child.getErrorStream(), progress));
            forward(child.getInputStream(), line -> {
                stdout.println(line);
                stdout.flush();
            });
            int code = child.waitFor();
            errors.join();
            if (Files.size(resultFile) == 0) {
                throw new IllegalStateException("the JVM running row '" + spec.label() + "' exited with code " + code
                        + " and no result (command: " + String.join(" ", command) + ")");
            }
            Outcome outcome = (Outcome) read(resultFile);
            if (outcome.row() != null) {
                return outcome.row();
            }
            throw rethrown(outcome);
        } finally {
            Files.deleteIfExists(specFile);
            Files.deleteIfExists(resultFile);
        }
    }

    /** The flags of every row's JVM: a fixed, pre-touched heap of {@code javaHeap}, then this JVM's own flags. */
    public static List<String> jvmFlags(String javaHeap) {
        List<String> flags = new ArrayList<>(List.of("-Xms" + javaHeap, "-Xmx" + javaHeap, "-XX:+AlwaysPreTouch"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-agentlib:jdwp")) { // a debugger's port can be bound only once
                flags.add(arg);
            }
        }
        return flags;
    }

    /** The child: runs the row of {@code args[0]} and writes its {@link Outcome} to {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        Outcome outcome;
        PrintWriter stdout = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        try {
            RowSpec spec = (RowSpec) read(Path.of(args[0]));
            BenchRow row = RowRun.run(spec, stdout, line -> {
                System.err.println(line);
                System.err.flush();
            });
            outcome = new Outcome(row, null, null, null);
        } catch (Throwable t) { // handed to the parent, which reports it
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            outcome = new Outcome(null, t.getClass().getName(), t.getMessage(), trace.toString());
        }
        stdout.flush();
        write(Path.of(args[1]), outcome);
        System.exit(0);
    }

    private static RuntimeException rethrown(Outcome failed) {
        String message = failed.message();
        if (failed.failureClass().equals(GcConfigException.class.getName())) {
            return new GcConfigException(message);
        }
        if (failed.failureClass().equals(HeapExhaustedException.class.getName())) {
            return new GcConfigException(message); // a heap too small for the row: the user's to fix, as in one JVM
        }
        if (failed.failureClass().equals(GcBenchFailure.class.getName())) {
            return new GcBenchFailure(message + "\n(in the row's JVM)\n" + failed.trace());
        }
        return new IllegalStateException("the row's JVM failed: " + failed.trace());
    }

    private static void forward(InputStream stream, Consumer<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, Object value) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(value);
        }
    }

    private static Object read(Path file) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot read " + file + ": " + e, e);
        }
    }
}
