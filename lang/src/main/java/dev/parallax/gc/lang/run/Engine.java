package dev.parallax.gc.lang.run;

import dev.parallax.gc.lang.ir.MethodInfo;

/**
 * A way to run checked scripts: the reference interpreter or the compiler. Both share the
 * {@link ScriptContext} (heap shapes, output, threads) and the {@link Builtins}, so that they differ
 * only in how they execute method bodies.
 */
public interface Engine {
    /** {@code interp} or {@code jit}, as the command line names it. */
    String name();

    /**
     * Makes {@code context}'s script runnable on its runtime (a compiler compiles it here).
     *
     * @throws dev.parallax.gc.lang.ScriptException when the script cannot be prepared
     */
    Program prepare(ScriptContext context);

    /** A script prepared for one run; used by every thread of the run. */
    interface Program {
        /**
         * Runs {@code method} on the calling thread, whose mutator is {@code thread.mutator()}.
         * Arguments are {@link Integer}, {@link Boolean} and {@link String} values, and {@link Long}
         * addresses for references (0 for null), valid until the thread's next safepoint: the method
         * stores them in its frame before reaching one.
         */
        void invoke(ScriptThread thread, MethodInfo method, Object[] args);
    }
}
