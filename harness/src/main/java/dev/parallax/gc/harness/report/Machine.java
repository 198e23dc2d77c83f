package dev.parallax.gc.harness.report;

import java.util.Locale;

/** The line every experiment's legend ends with: the JDK, the machine and the command as typed. */
public final class Machine {
    private Machine() {
    }

    /** "JDK 25.0.1+8 (Eclipse Adoptium); 2 cores, amd64, Linux 6.1; command: parallax bench". */
    public static String describe(String commandLine) {
        return String.format(Locale.ROOT, "JDK %s (%s); %d cores, %s, %s %s; command: %s", Runtime.version(),
                System.getProperty("java.vendor"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), System.getProperty("os.name"), System.getProperty("os.version"),
                commandLine);
    }
}
