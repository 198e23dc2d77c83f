package dev.parallax.gc.lang.run;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.HeapExhaustedException;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.lang.ScriptException;
import dev.parallax.gc.lang.ir.CheckedScript;
import dev.parallax.gc.lang.ir.MethodInfo;
import dev.parallax.gc.lang.ir.Site;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One run of a script on a runtime: its shapes, output, barriers and threads, shared by the
 * engines. Threads record their failures here; the run passes when none did.
 */
public final class ScriptContext {
    /**
     * How a run talks to the world.
     *
     * @param out            the script's output ({@code print}), one line per print
     * @param warnings       told unsupported options and other remarks, one line each
     * @param barrierTimeout how long {@code barrierWait} waits for the other threads before failing
     * @param stackBytes     the Java stack of each script thread (deep recursion in the interpreter)
     */
    public record Settings(PrintWriter out, Consumer<String> warnings, Duration barrierTimeout, long stackBytes) {
        /** Output and warnings as given, barriers waiting 60 s, 256 MiB thread stacks. */
        public static Settings of(PrintWriter out, Consumer<String> warnings) {
            return new Settings(out, warnings, Duration.ofSeconds(60), 256L << 20);
        }

        public Settings withBarrierTimeout(Duration timeout) {
            return new Settings(out, warnings, timeout, stackBytes);
        }
    }

    private final CheckedScript script;
    private final GcRuntime runtime;
    private final ScriptShapes shapes;
    private final Settings settings;
    private final Barriers barriers;
    private final AtomicInteger nextThreadId = new AtomicInteger(1);
    private final List<String> failures = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile Engine.Program program;
    private int running;
    private int outOfMemoryAsExpected;

    public ScriptContext(CheckedScript script, GcRuntime runtime, Settings settings) {
        this.script = script;
        this.runtime = runtime;
        this.settings = settings;
        this.shapes = new ScriptShapes(runtime, script.source().shortName());
        this.barriers = new Barriers(settings.barrierTimeout().toNanos());
    }

    public CheckedScript script() {
        return script;
    }

    public GcRuntime runtime() {
        return runtime;
    }

    public ScriptShapes shapes() {
        return shapes;
    }

    Barriers barriers() {
        return barriers;
    }

    void setProgram(Engine.Program program) {
        this.program = program;
    }

    /** Prints one line of the script's output. */
    public void print(String line) {
        PrintWriter out = settings.out();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Reports a remark (an unsupported option, say) without failing the run. */
    public void warn(String line) {
        settings.warnings().accept(line);
    }

    /** Records a failure: the run fails; threads waiting at barriers are released with an error. */
    void fail(String message) {
        synchronized (failures) {
            failures.add(message);
        }
        barriers.breakAll("another thread failed: " + firstLine(message));
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    synchronized int outOfMemoryAsExpected() {
        return outOfMemoryAsExpected;
    }

    // ---- threads ----------------------------------------------------------------------------------

    /** What a script thread runs once it has its mutator. */
    interface ThreadBody {
        void run(ScriptThread thread);
    }

    /** Starts the main thread: {@code main()} on a new thread with its own mutator. */
    void startMain() {
        startThread(0, t -> program.invoke(t, script.main(), new Object[0]), null);
    }

    /**
     * {@code spawn(target, args...)}: starts a thread running {@code target}. Reference arguments are
     * in the spawning thread's frame slots {@code refSlots[i]} ({@code -1} for the other arguments,
     * whose values are in {@code values}). The new thread takes their addresses as soon as it is
     * attached; if a collection completed between the spawning thread reading its slots and then,
     * the addresses may be stale, so the spawning thread reads them again and offers them anew. The
     * spawning thread waits blocked (collections proceed) and returns once the new thread has its
     * arguments. <i>Safepoint.</i>
     */
    void spawn(ScriptThread parent, MethodInfo target, Object[] values, int[] refSlots, Site site) {
        int id = nextThreadId.getAndIncrement();
        Handoff handoff = new Handoff();
        startThread(id, child -> {
            Object[] args = values.clone();
            long[] seen = {-1};
            while (true) {
                Handoff.Offer offer = runBlocked(child.mutator(), () -> handoff.awaitOffer(seen[0]));
                seen[0] = offer.version();
                if (runtime.stats().collections() == offer.collections()) { // no collection since: addresses valid
                    for (int i = 0; i < refSlots.length; i++) {
                        if (refSlots[i] >= 0) {
                            long word = offer.words()[i];
                            args[i] = child.tags().isPointer(word) ? child.tags().untag(word) : 0L;
                        }
                    }
                    handoff.answer(Handoff.Answer.TAKEN);
                    break;
                }
                handoff.answer(Handoff.Answer.STALE);
            }
            program.invoke(child, target, args);
        }, handoff);
        Mutator m = parent.mutator();
        while (true) {
            long collections = runtime.stats().collections();
            long[] words = new long[refSlots.length];
            for (int i = 0; i < refSlots.length; i++) {
                if (refSlots[i] >= 0) {
                    words[i] = m.slot(refSlots[i]);
                }
            }
            handoff.offer(words, collections);
            Handoff.Answer answer = runBlocked(m, handoff::awaitAnswer);
            if (answer != Handoff.Answer.STALE) {
                return;
            }
        }
    }

    private static <T> T runBlocked(Mutator m, java.util.function.Supplier<T> action) {
        Object[] result = new Object[1];
        m.runBlocked(() -> result[0] = action.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private void startThread(int id, ThreadBody body, Handoff handoff) {
        Thread thread = Thread.ofPlatform().name("script-thread-" + id).stackSize(settings.stackBytes())
                .unstarted(() -> runThread(id, body, handoff));
        synchronized (this) {
            running++;
            threads.add(thread);
        }
        thread.start();
    }

    private void runThread(int id, ThreadBody body, Handoff handoff) {
        try {
            Mutator m;
            try {
                m = runtime.attach("script thread " + id);
            } catch (RuntimeException e) {
                fail("thread " + id + " could not start: " + e.getMessage());
                if (handoff != null) {
                    handoff.answer(Handoff.Answer.FAILED);
                }
                return;
            }
            ScriptThread t = new ScriptThread(this, m, id);
            try {
                body.run(t);
                if (t.expectsOutOfMemory()) {
                    fail("thread " + id + " finished without running out of memory, which expect(OutOfMemory) "
                            + "asked for");
                }
            } catch (HeapExhaustedException e) {
                if (t.expectsOutOfMemory()) {
                    synchronized (this) {
                        outOfMemoryAsExpected++;
                    }
                } else {
                    fail("thread " + id + " ran out of memory: " + e.getMessage());
                }
            } catch (ScriptException e) {
                fail(e.getMessage());
            } catch (StackOverflowError e) {
                fail("thread " + id + ": stack overflow: the script recursed too deep for the Java stack");
            } catch (RuntimeException | Error e) {
                String message = String.valueOf(e.getMessage());
                if (e instanceof IllegalStateException && message.contains("stack overflow")) {
                    fail("thread " + id + ": stack overflow: " + message);
                } else {
                    fail("thread " + id + ": " + e.getClass().getSimpleName() + ": " + message);
                    warn(stackTrace(e));
                }
            } finally {
                if (handoff != null) {
                    handoff.answer(Handoff.Answer.FAILED); // no-op once answered
                }
                try {
                    while (m.frameDepth() > 0) {
                        m.popFrame();
                    }
                } catch (RuntimeException e) {
                    warn("thread " + id + ": could not unwind its frames: " + e.getMessage());
                }
                m.close();
            }
        } finally {
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }

    /** Waits until every thread of the run has finished. */
    synchronized void awaitThreads() throws InterruptedException {
        while (running > 0) {
            wait();
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString().strip();
    }

    /** The spawning thread offering its argument addresses to the new thread, which takes them or asks again. */
    static final class Handoff {
        enum Answer { TAKEN, STALE, FAILED }

        record Offer(long[] words, long collections, long version) {
        }

        private Offer offer;
        private long version;
        private Answer answer;
        private boolean finished;

        synchronized void offer(long[] words, long collections) {
            offer = new Offer(words, collections, ++version);
            if (!finished) { // a thread that failed before the first offer keeps its FAILED answer
                answer = null;
            }
            notifyAll();
        }

        /** Waits for an offer newer than {@code seen}. */
        synchronized Offer awaitOffer(long seen) {
            while (offer == null || offer.version() <= seen) {
                awaitUninterruptibly();
            }
            return offer;
        }

        synchronized void answer(Answer a) {
            if (finished) {
                return;
            }
            answer = a;
            finished = a != Answer.STALE;
            notifyAll();
        }

        synchronized Answer awaitAnswer() {
            while (answer == null) {
                awaitUninterruptibly();
            }
            return answer;
        }

        private void awaitUninterruptibly() {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
