package dev.parallax.gc.runtime.globals;

import dev.parallax.gc.api.GlobalRoot;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression (issue 8, defect 3): global cells are roots a collection reads and rewrites, so in
 * debug mode only an attached mutator may read or write them, between its safepoints.
 */
class GlobalAccessTest {
    @Test
    void inDebugModeAThreadThatIsNoMutatorCannotReadOrWriteAGlobal() throws Exception {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withDebug(true))) {
            GlobalRoot g = runtime.globals().register("config");   // registering is allowed from any thread
            AtomicReference<Throwable> write = new AtomicReference<>();
            AtomicReference<Throwable> read = new AtomicReference<>();
            Thread outsider = new Thread(() -> {
                write.set(catchIt(() -> g.set(runtime.tags().tagSmallInt(1))));
                read.set(catchIt(g::get));
            }, "outsider");
            outsider.start();
            outsider.join();
            assertRefused(write.get(), "global 'config': set from thread 'outsider', which is not an attached mutator");
            assertRefused(read.get(), "global 'config': get from thread 'outsider', which is not an attached mutator");
            try (Mutator m = runtime.attach("main")) {
                g.setRef(m.boxLong(4));                             // a running mutator may
                assertEquals(4, m.unboxLong(g.ref()));
                assertRefused(catchIt(() -> m.runBlocked(() -> g.set(0))),
                        "global 'config': set by mutator 'main' during collection #0 (mutator status BLOCKED");
            }
            assertTrue(runtime.debugViolations() >= 1);
        }
    }

    /** The scenario of the defect: a write during a mark-compact pause would be left stale by the compaction. */
    @Test
    void inDebugModeAWriteDuringAMarkCompactPauseIsRefused() {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withDebug(true)
                .withCollector("mark-compact"))) {
            GlobalRoot g = runtime.globals().register("cache");
            AtomicReference<Throwable> duringPause = new AtomicReference<>();
            try (Mutator m = runtime.attach("main")) {
                m.allocateRawArray(64);                             // garbage: the box below slides down
                g.setRef(m.boxLong(9));
                long box = g.ref();
                runtime.addListener(new GcListener() {
                    @Override
                    public void phaseStarted(long collection, GcPhase phase) {
                        if (phase == GcPhase.UPDATE_REFERENCES) {
                            duringPause.compareAndSet(null, catchIt(() -> g.setRef(box)));
                        }
                    }
                });
                m.collect();
                assertRefused(duringPause.get(), "global 'cache': set by mutator 'main' during collection #1 (mutator status COLLECTING");
                assertEquals(9, m.unboxLong(g.ref()), "the cell names the moved box, not its old address");
            }
        }
    }

    private static void assertRefused(Throwable t, String start) {
        assertTrue(t instanceof IllegalStateException && t.getMessage().startsWith(start),
                () -> "expected an IllegalStateException starting with \"" + start + "\", got " + t);
    }

    private static Throwable catchIt(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
