package dev.parallax.gc.lang.run;

import dev.parallax.gc.api.reference.ReferenceKind;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.lang.ScriptException;
import dev.parallax.gc.lang.ir.Layout;
import dev.parallax.gc.lang.ir.MethodInfo;
import dev.parallax.gc.lang.ir.Site;
import dev.parallax.gc.lang.types.Type;

import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * The run-time operations both engines share, so that they agree on every checked access, every
 * built-in and every message: indexed fields (bounds and layout checks), casts, closures' captured
 * values, the built-in functions, value text. The compiler calls these static methods from the code
 * it emits (they are small and inline), the interpreter from its evaluator.
 *
 * <p>Addresses passed in and returned are valid until the calling thread's next safepoint; the
 * methods marked <i>safepoint</i> may run a collection.
 */
public final class Builtins {
    private Builtins() {
    }

    // ---- errors -----------------------------------------------------------------------------------

    /** {@code null dereference: reading field 'next' of null}. */
    public static ScriptException nullDereference(Site site, String action) {
        return site.error("null dereference: " + action + " of null");
    }

    /** {@code o}, or a null dereference error when it is null (the compiler's null check). */
    public static long nonNull(long o, Site site, String action) {
        if (o == 0) {
            throw nullDereference(site, action);
        }
        return o;
    }

    public static ScriptException assertionFailed(Site site, String message) {
        return site.error("assertion failed" + (message.isEmpty() ? "" : ": " + message));
    }

    /** A method with a result whose end was reached without a {@code return}. */
    public static ScriptException missingReturn(Site site, String method, Type result) {
        return site.error("method '" + method + "' ended without returning its " + result);
    }

    public static int divide(int a, int b, Site site) {
        if (b == 0) {
            throw site.error("division by zero");
        }
        return a / b;
    }

    public static int remainder(int a, int b, Site site) {
        if (b == 0) {
            throw site.error("division by zero (in %)");
        }
        return a % b;
    }

    // ---- indexed fields ---------------------------------------------------------------------------

    /** {@code o.object[i]}: the address in reference field i. */
    public static long readRefIndexed(ScriptThread t, long o, int i, Site site) {
        Layout layout = layout(t, o, site, "reading .object[" + i + "]");
        if (i < 0 || i >= layout.refs()) {
            throw outOfRange(site, "object", i, layout);
        }
        return t.mutator().readRef(o, i);
    }

    /** {@code o.int[i]}. */
    public static int readIntIndexed(ScriptThread t, long o, int i, Site site) {
        Layout layout = layout(t, o, site, "reading .int[" + i + "]");
        if (i < 0 || i >= layout.ints()) {
            throw outOfRange(site, "int", i, layout);
        }
        return (int) t.mutator().readRaw(o, layout.refs() + i);
    }

    /** {@code o.object[i] = value}; a declared type's field keeps its declared type. */
    public static void writeRefIndexed(ScriptThread t, long o, int i, long value, Site site) {
        Layout layout = layout(t, o, site, "writing .object[" + i + "]");
        if (i < 0 || i >= layout.refs()) {
            throw outOfRange(site, "object", i, layout);
        }
        if (layout.info() != null && value != 0) {
            Type declared = layout.info().refFieldType(i);
            if (declared != Type.OBJECT) {
                cast(t, value, declared, site);
            }
        }
        t.mutator().writeRef(o, i, value);
    }

    /** {@code o.int[i] = value}. */
    public static void writeIntIndexed(ScriptThread t, long o, int i, int value, Site site) {
        Layout layout = layout(t, o, site, "writing .int[" + i + "]");
        if (i < 0 || i >= layout.ints()) {
            throw outOfRange(site, "int", i, layout);
        }
        t.mutator().writeRaw(o, layout.refs() + i, value);
    }

    private static Layout layout(ScriptThread t, long o, Site site, String action) {
        if (o == 0) {
            throw nullDereference(site, action);
        }
        Mutator m = t.mutator();
        if (m.kind(o) != ObjectKind.SHAPED) {
            throw site.error(action + " of a " + ValueText.typeText(t, o) + ", which has no indexed fields");
        }
        Layout layout = t.context().shapes().layout(m.shape(o).id());
        if (layout == null) {
            throw site.error(action + " of an object of shape " + m.shape(o).name() + ", which this script did not "
                    + "make");
        }
        return layout;
    }

    private static ScriptException outOfRange(Site site, String kind, int i, Layout layout) {
        int n = kind.equals("object") ? layout.refs() : layout.ints();
        return site.error("field index out of range: ." + kind + "[" + i + "] of a " + layout.name() + ", which has "
                + n + " " + (kind.equals("object") ? "reference" : "int") + " field" + (n == 1 ? "" : "s"));
    }

    // ---- allocation, casts, closures --------------------------------------------------------------

    /** The shape of {@code alloc(refs, ints)} with counts known only now. */
    public static Shape dynamicShape(ScriptThread t, int refs, int ints, Site site) {
        return t.context().shapes().dynamic(refs, ints, site);
    }

    /** The shape of a layout known when the script was checked. */
    public static Shape shape(ScriptThread t, Layout layout) {
        return t.context().shapes().shape(layout);
    }

    /**
     * {@code o} seen as {@code target} (a declared type, {@code box} or a function type): null, or an
     * object of that type. @throws ScriptException naming both types otherwise
     */
    public static long cast(ScriptThread t, long o, Type target, Site site) {
        if (o == 0) {
            return 0;
        }
        Mutator m = t.mutator();
        ObjectKind kind = m.kind(o);
        boolean ok = switch (target) {
            case Type.User user -> kind == ObjectKind.SHAPED
                    && m.shape(o) == t.context().shapes().shape(Layout.of(user.info()));
            case Type.BoxType b -> kind == ObjectKind.BOXED_LONG || kind == ObjectKind.BOXED_DOUBLE;
            case Type.Fn fn -> {
                if (kind != ObjectKind.CLOSURE) {
                    yield false;
                }
                MethodInfo body = t.context().script().closure(m.codeId(o));
                yield body != null && body.closure().type().equals(fn);
            }
            case Type.RefType r -> m.kind(o) == ObjectKind.SHAPED
                    && String.valueOf(t.context().runtime().references().kindOf(m, o)).toLowerCase(Locale.ROOT)
                    .equals(r.name().replace("ref", ""));
            default -> true;
        };
        if (!ok) {
            throw site.error("a " + ValueText.typeText(t, o) + " is not a " + target);
        }
        return o;
    }

    /** The body a function value runs. @throws ScriptException for null */
    public static MethodInfo closureBody(ScriptThread t, long fn, Site site) {
        if (fn == 0) {
            throw nullDereference(site, "calling a function value");
        }
        return t.context().script().closure(t.mutator().codeId(fn));
    }

    /** The code id of a function value (its closure body's). @throws ScriptException for null */
    public static int closureCode(ScriptThread t, long fn, Site site) {
        if (fn == 0) {
            throw nullDereference(site, "calling a function value");
        }
        return t.mutator().codeId(fn);
    }

    /** Captured value {@code i} of a closure environment, as a reference. */
    public static long capturedRef(ScriptThread t, long env, int i) {
        long word = t.mutator().readValue(env, i);
        return word == 0 ? 0 : t.tags().untag(word);
    }

    /** Captured value {@code i} of a closure environment, as an int (booleans are 0 and 1). */
    public static int capturedInt(ScriptThread t, long env, int i) {
        return (int) t.tags().untagSmallInt(t.mutator().readValue(env, i));
    }

    /** Stores a reference into captured value {@code i} (through the write barrier). */
    public static void captureRef(ScriptThread t, long env, int i, long value) {
        t.mutator().writeRef(env, i, value);
    }

    /** Stores an int (a boolean as 0 or 1) into captured value {@code i}, as a tagged small integer. */
    public static void captureInt(ScriptThread t, long env, int i, int value) {
        t.mutator().writeValue(env, i, t.tags().tagSmallInt(value));
    }

    // ---- built-in functions -----------------------------------------------------------------------

    /** {@code gcCount()}: collections so far (incremental steps count). */
    public static int gcCount(ScriptThread t) {
        return (int) t.context().runtime().stats().collections();
    }

    /** {@code threadId()}: 0 for main, then 1, 2... in spawn order. */
    public static int threadId(ScriptThread t) {
        return t.id();
    }

    /**
     * {@code hash(o)}: an identity hash that a moving collection does not change, derived from the
     * object's id (the runtime keeps ids when a script calls hash). 0 for null.
     */
    public static int hash(ScriptThread t, long o, Site site) {
        if (o == 0) {
            return 0;
        }
        long id;
        try {
            id = t.mutator().objectId(o);
        } catch (IllegalStateException e) {
            throw site.error("hash() needs object ids, which this runtime does not keep; run the script with "
                    + "object-ids = true (the run command turns them on for scripts that call hash)");
        }
        long z = id * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) ((z ^ (z >>> 31)) >>> 33);
    }

    /** {@code setRandomSeed(n)}: reseeds the calling thread's random numbers. */
    public static void setSeed(ScriptThread t, int seed) {
        t.seed(seed);
    }

    /** {@code random(lo, hi)}: a number from lo to hi, both included. */
    public static int random(ScriptThread t, int lo, int hi, Site site) {
        if (lo > hi) {
            throw site.error("random(" + lo + ", " + hi + "): the low bound is above the high one");
        }
        return (int) (lo + (long) (t.random().nextDouble() * ((long) hi - lo + 1)));
    }

    /** {@code barrierWait(name, n)}: waits, blocked, for n threads; returns the arrival order. <i>Safepoint.</i> */
    public static int barrierWait(ScriptThread t, String name, int parties, Site site) {
        int[] order = new int[1];
        t.mutator().runBlocked(() -> order[0] = t.context().barriers().await(name, parties, site));
        return order[0];
    }

    /** {@code box(v)}. <i>Safepoint.</i> */
    public static long box(ScriptThread t, int value) {
        return t.mutator().boxLong(value);
    }

    /** {@code boxDouble(n, d)}: a boxed double n / d. <i>Safepoint.</i> */
    public static long boxDouble(ScriptThread t, int numerator, int denominator) {
        return t.mutator().boxDouble((double) numerator / denominator);
    }

    /** {@code unbox(b)}: a box's value (a double truncated towards zero). */
    public static int unbox(ScriptThread t, long o, Site site) {
        if (o == 0) {
            throw nullDereference(site, "unboxing");
        }
        return switch (t.mutator().kind(o)) {
            case BOXED_LONG -> (int) t.mutator().unboxLong(o);
            case BOXED_DOUBLE -> (int) t.mutator().unboxDouble(o);
            default -> throw site.error("unbox of a " + ValueText.typeText(t, o) + ", which is not a box");
        };
    }

    /** {@code weakRef(o)}: a weak reference to {@code o} (or a cleared one for null). <i>Safepoint.</i> */
    public static long weakRef(ScriptThread t, long referent) {
        return newReference(t, ReferenceKind.WEAK, referent);
    }

    /** {@code softRef(o)}: a soft reference to {@code o}. <i>Safepoint.</i> */
    public static long softRef(ScriptThread t, long referent) {
        return newReference(t, ReferenceKind.SOFT, referent);
    }

    /** {@code phantomRef(o)}: a phantom reference to {@code o} (its getter always answers null). <i>Safepoint.</i> */
    public static long phantomRef(ScriptThread t, long referent) {
        return newReference(t, ReferenceKind.PHANTOM, referent);
    }

    /** The referent is rooted in a frame of its own while the reference is allocated. */
    private static long newReference(ScriptThread t, ReferenceKind kind, long referent) {
        Mutator m = t.mutator();
        m.pushFrame(1);
        try {
            m.setRef(0, referent);
            return t.context().runtime().references().newReference(m, kind, 0, null);
        } finally {
            m.popFrame();
        }
    }

    /** {@code getWeakReferent(r)} and its kin: the referent, null once the collector cleared it (always for phantoms). */
    public static long referent(ScriptThread t, long reference, Site site) {
        if (reference == 0) {
            throw nullDereference(site, "reading the referent of");
        }
        return t.context().runtime().references().get(t.mutator(), reference);
    }

    /** {@code heapDump()}: prints the heap's account and the collections so far. */
    public static void heapDump(ScriptThread t) {
        HeapUsage usage = t.context().runtime().usage();
        t.context().print(String.format(Locale.ROOT, "heap: %d of %d bytes in use (largest free block %d), "
                        + "%d collections so far", usage.usedBytes(), usage.capacityBytes(), usage.largestFreeBytes(),
                t.context().runtime().stats().collections()));
    }

    /** {@code setOption("name=value")}: options are fixed once the runtime runs, so this warns. */
    public static void setOption(ScriptThread t, String option, Site site) {
        t.context().warn(site.file() + ":" + site.pos() + ": setOption(\"" + option + "\") ignored: options cannot "
                + "change while a script runs; give them as option lines or on the command line");
    }

    /** {@code expect(OutOfMemory)}. */
    public static void expectOutOfMemory(ScriptThread t) {
        t.expectOutOfMemory();
    }

    /** {@code spawn(target, args...)}; see {@link ScriptContext}. <i>Safepoint.</i> */
    public static void spawn(ScriptThread t, MethodInfo target, Object[] values, int[] refSlots, Site site) {
        t.context().spawn(t, target, values, refSlots, site);
    }

    /** {@code print(...)}: one line of output. */
    public static void print(ScriptThread t, String line) {
        t.context().print(line);
    }

    /** {@code describe(values...)}; see {@link ValueText}. */
    public static String describe(ScriptThread t, Object[] values) {
        return ValueText.describe(t, values);
    }

    /** A reference as {@code print} and {@code +} show it: {@code null}, {@code <List>}, {@code <box 5>}. */
    public static String text(ScriptThread t, long o) {
        return ValueText.shortText(t, o);
    }

    /** Calls an intrinsic's registered Java method. @throws ScriptException when none is registered */
    public static Object callIntrinsic(MethodInfo target, Object[] args, Site site) {
        MethodHandle handle = Intrinsics.lookup(target.intrinsic());
        if (handle == null) {
            throw site.error("intrinsic '" + target.name() + "' is bound to " + target.intrinsic().describe()
                    + ", which is not registered (Intrinsics.register)");
        }
        try {
            return handle.invokeWithArguments(args);
        } catch (RuntimeException e) {
            throw site.error("intrinsic '" + target.name() + "' threw " + e);
        } catch (Throwable e) {
            throw site.error("intrinsic '" + target.name() + "' failed: " + e);
        }
    }
}
