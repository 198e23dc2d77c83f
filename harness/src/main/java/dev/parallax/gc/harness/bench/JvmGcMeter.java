package dev.parallax.gc.harness.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Measures the JVM's own collector for the baseline, through its MXBeans: collection counts and
 * accumulated GC time (which for a concurrent collector is not all pause), and the heap in use
 * after a {@code System.gc()} at the end. The JVM reports no pause distribution or time-to-safepoint.
 */
public final class JvmGcMeter implements GcMeter {
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private long countAtStart;
    private long millisAtStart;

    @Override
    public void startTimed() {
        countAtStart = totalCount();
        millisAtStart = totalMillis();
    }

    @Override
    public double pauseMillis() {
        return totalMillis();
    }

    @Override
    public GcFigures stopTimed(int bodies) {
        long count = totalCount() - countAtStart;
        long millis = totalMillis() - millisAtStart;
        System.gc(); // after the deltas: the long-lived data of the last body is still reachable
        long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return GcFigures.totalsOnly((double) count / bodies, (double) millis / bodies, heapAfter);
    }

    /** The JVM's collectors, e.g. "G1 Young Generation, G1 Concurrent GC, G1 Old Generation". */
    public String collectorNames() {
        return String.join(", ", collectors.stream().map(GarbageCollectorMXBean::getName).toList());
    }

    /** The JVM's collectors and heap flags: "G1 Young Generation, ...; -Xms1g -Xmx1g -XX:+AlwaysPreTouch". */
    public String describe() {
        return collectorNames() + "; " + heapFlags();
    }

    /** The JVM's heap and GC flags as launched (-Xmx, -XX:...), or "JVM defaults" when none was given. */
    public String heapFlags() {
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:")).toList();
        return flags.isEmpty() ? "JVM defaults" : String.join(" ", flags);
    }

    private long totalCount() {
        long sum = 0;
        for (GarbageCollectorMXBean bean : collectors) {
            sum += Math.max(0, bean.getCollectionCount()); // -1 means undefined
        }
        return sum;
    }

    private long totalMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean bean : collectors) {
            sum += Math.max(0, bean.getCollectionTime());
        }
        return sum;
    }
}
