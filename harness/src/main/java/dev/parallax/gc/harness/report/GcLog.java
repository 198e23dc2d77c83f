package dev.parallax.gc.harness.report;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.event.GcPhase;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A GC log in the style of HotSpot's unified logging ({@code -Xlog:gc}): one {@code info} line per
 * pause with the JVM's uptime, the collection number, the pause kind and reason, the heap in use
 * before and after (and its capacity) and the pause, e.g.
 * <pre>[1.234s][info][gc] GC(12) Pause Full (mark-sweep, allocation failure) 48M-&gt;12M(64M) 3.214ms</pre>
 * and, at level {@code debug}, one line per phase of that pause:
 * <pre>[1.234s][debug][gc,phases] GC(12)   Trace live 2.100ms</pre>
 * A pause is named for what it collected, as the collector said ({@code CollectionRecord.kind}):
 * {@code Full}, {@code Increment} (a bounded step of an incremental collector; a stop-the-world
 * collector asked for a step collects in full), {@code Young} (a generational minor collection).
 * Phases are listed in the order a collection passes them. Lines go out as the mutators
 * resume, in collection order.
 */
public final class GcLog implements GcListener {
    /** How much the log says. */
    public enum Level {
        /** One line per pause. */
        INFO,
        /** Also one line per phase of each pause. */
        DEBUG
    }

    private final PrintWriter out;
    private final Level level;
    private final long capacityBytes;

    /**
     * @param out           where the lines go
     * @param level         pauses only, or phases too
     * @param capacityBytes the heap's capacity, printed in parentheses
     */
    public GcLog(PrintWriter out, Level level, long capacityBytes) {
        this.out = out;
        this.level = level;
        this.capacityBytes = capacityBytes;
    }

    /** Starts logging {@code runtime}'s collections; the first line names its strategies and heap. */
    public static GcLog attach(GcRuntime runtime, PrintWriter out, Level level) {
        GcLog log = new GcLog(out, level, runtime.usage().capacityBytes());
        log.line("info", "gc", "Using " + runtime.config().strategies() + ", heap " + megabytes(log.capacityBytes)
                + ", " + (runtime.config().debug() ? "debug" : "release") + " mode");
        runtime.addListener(log);
        return log;
    }

    @Override
    public void collectionEnded(CollectionRecord r) {
        String kind = Character.toUpperCase(r.kind().charAt(0)) + r.kind().substring(1);
        StringBuilder lines = new StringBuilder();
        lines.append(format("info", "gc", String.format(Locale.ROOT, "GC(%d) Pause %s (%s, %s) %s->%s(%s) %.3fms",
                r.number(), kind, r.collector(), r.reason(), size(r.usedBytesBefore()), size(r.usedBytesAfter()),
                size(capacityBytes), r.pauseNanos() / 1e6)));
        if (level == Level.DEBUG) {
            lines.append(format("debug", "gc,safepoint", String.format(Locale.ROOT, "GC(%d) Time to safepoint %.3fms",
                    r.number(), r.timeToSafepointNanos() / 1e6)));
            for (Map.Entry<GcPhase, Long> phase : new TreeMap<>(r.phaseNanos()).entrySet()) {
                lines.append(format("debug", "gc,phases", String.format(Locale.ROOT, "GC(%d)   %s %.3fms", r.number(),
                        phaseName(phase.getKey()), phase.getValue() / 1e6)));
            }
        }
        synchronized (out) {
            out.print(lines);
            out.flush();
        }
    }

    /** Prints one line of this log's format now, e.g. a note between runs. */
    public void line(String lvl, String tags, String message) {
        synchronized (out) {
            out.print(format(lvl, tags, message));
            out.flush();
        }
    }

    /** "Trace live" for TRACE_LIVE. */
    static String phaseName(GcPhase phase) {
        String words = phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** HotSpot's heap figures, whole megabytes ("48M"); kilobytes ("512K") when the heap is below 64 MiB. */
    private String size(long bytes) {
        return capacityBytes >= 64L << 20 ? (bytes >> 20) + "M" : (bytes >> 10) + "K";
    }

    /** The heap's size for the first line: "64M", or "512K" below a mebibyte or when not whole mebibytes ("20736K"). */
    static String megabytes(long bytes) {
        return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? (bytes >> 20) + "M" : (bytes >> 10) + "K";
    }

    private static String format(String lvl, String tags, String message) {
        double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        return String.format(Locale.ROOT, "[%.3fs][%s][%s] %s%n", uptime, lvl, tags, message);
    }
}
