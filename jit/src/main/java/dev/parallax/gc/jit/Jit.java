package dev.parallax.gc.jit;

import dev.parallax.gc.jit.codegen.ScriptCompiler;
import dev.parallax.gc.jit.stackmap.StackMap;
import dev.parallax.gc.lang.ir.MethodInfo;
import dev.parallax.gc.lang.run.Engine;
import dev.parallax.gc.lang.run.ScriptContext;
import dev.parallax.gc.lang.run.ScriptThread;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiling engine: each script method becomes a static method of a hidden class generated per
 * script and runtime with the ClassFile API ({@code java.lang.classfile}). Compiled code never keeps
 * a heap address in a JVM local across a safepoint: before every allocation, call, poll and
 * {@code gc()} it writes the references live across it to its frame slots under a stack map recorded
 * for that safepoint, and reloads them after when the collector may move objects. It polls
 * at function entries and loop back-edges where the runtime's safepoint policy polls (or everywhere,
 * with {@link Options#everySitePolls}); allocation and field stores go through the runtime's mutator,
 * whose class is specialised per runtime so that its fast path and write barrier inline into the
 * compiled code.
 */
public final class Jit implements Engine {
    /** A bug planted in the compiler, to show that the cross-check and the properties catch it. */
    public enum SeededBug {
        NONE,
        /** Each method's stack maps leave out the highest frame slot it spills a live reference to. */
        OMIT_LIVE_SLOT
    }

    /**
     * @param crossCheck     check every safepoint's frame against its stack map (a conservative scan of
     *                       the frame); null: when the runtime is in debug mode
     * @param everySitePolls poll at every function entry and loop back-edge, whatever the policy says
     * @param bug            the seeded bug, {@link SeededBug#NONE} in earnest
     */
    public record Options(Boolean crossCheck, boolean everySitePolls, SeededBug bug) {
        public static final Options DEFAULT = new Options(null, false, SeededBug.NONE);

        public Options withCrossCheck(boolean on) {
            return new Options(on, everySitePolls, bug);
        }

        public Options withEverySitePolls(boolean on) {
            return new Options(crossCheck, on, bug);
        }

        public Options withBug(SeededBug seeded) {
            return new Options(crossCheck, everySitePolls, seeded);
        }
    }

    private final Options options;
    private final List<StackMap> lastStackMaps = new ArrayList<>();

    public Jit() {
        this(Options.DEFAULT);
    }

    public Jit(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return "jit";
    }

    @Override
    public Program prepare(ScriptContext context) {
        boolean check = options.crossCheck() != null ? options.crossCheck() : context.runtime().config().debug();
        ScriptCompiler.Compiled compiled = ScriptCompiler.compile(context,
                new ScriptCompiler.Options(check, options.everySitePolls(), options.bug() == SeededBug.OMIT_LIVE_SLOT,
                        context.runtime().constraints().movesObjects()),
                MethodHandles.lookup());
        synchronized (lastStackMaps) {
            lastStackMaps.clear();
            lastStackMaps.addAll(compiled.stackMaps());
        }
        return (thread, method, args) -> invoke(compiled, thread, method, args);
    }

    /** The stack maps of the script this engine compiled last, one per safepoint. */
    public List<StackMap> lastStackMaps() {
        synchronized (lastStackMaps) {
            return List.copyOf(lastStackMaps);
        }
    }

    private static void invoke(ScriptCompiler.Compiled compiled, ScriptThread thread, MethodInfo method, Object[] args) {
        MethodHandle handle = compiled.entries().get(method);
        Object[] all = new Object[args.length + 2];
        all[0] = thread.mutator();
        all[1] = thread;
        for (int i = 0; i < args.length; i++) {
            all[i + 2] = args[i] instanceof Boolean b ? (Object) (b ? 1 : 0) : args[i];
        }
        try {
            handle.invokeWithArguments(all);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("compiled method '" + method.name() + "' threw " + e, e);
        }
    }
}
