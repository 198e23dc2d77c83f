package dev.parallax.gc.harness.report;

import java.io.PrintWriter;

/**
 * Where a long command says how far it got. On a terminal it is one line, rewritten in place
 * ({@code \r}, then the line, then an erase to its end) and cleared by {@link #done()}; anywhere else
 * (a pipe, a file, a test) every update is a plain line of its own, so that logs keep them all.
 */
public final class Progress {
    private static final String ERASE_TO_END = "\u001b[K";

    private final PrintWriter out;
    private final boolean inPlace;
    private boolean lineOpen;

    /**
     * @param out     where the progress goes (stderr, so that it never mixes with the results)
     * @param inPlace rewrite one line in place, for a terminal
     */
    public Progress(PrintWriter out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
    }

    /** Progress to {@code out}, in place when the JVM's standard streams are a terminal. */
    public static Progress to(PrintWriter out) {
        java.io.Console console = System.console();
        return new Progress(out, console != null && console.isTerminal());
    }

    /** Shows {@code line} as the current state. */
    public synchronized void update(String line) {
        if (inPlace) {
            out.print("\r" + line + ERASE_TO_END);
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** A writer whose every complete line becomes an {@link #update}, for code that prints its progress. */
    public PrintWriter asWriter() {
        return new PrintWriter(new java.io.Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] chars, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (chars[i] == '\n') {
                        update(line.toString());
                        line.setLength(0);
                    } else if (chars[i] != '\r') {
                        line.append(chars[i]);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }, true);
    }

    /** Clears the in-place line, so that what follows starts on a clean line. */
    public synchronized void done() {
        if (inPlace && lineOpen) {
            out.print("\r" + ERASE_TO_END);
            out.flush();
            lineOpen = false;
        }
    }
}
