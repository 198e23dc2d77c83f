package dev.parallax.gc.lang.run;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.lang.ir.Layout;
import dev.parallax.gc.lang.ir.Site;
import dev.parallax.gc.lang.types.TypeInfo;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The heap shapes of one script run: one per declared type ({@code lists.script:List}) and one per
 * pair of counts of {@code alloc(refs, ints)} ({@code object/2/1}), each defined in the runtime's
 * shape table on first use, and the way back from a shape id to its {@link Layout} for the checks
 * of indexed field access. Reference fields come first, so {@code o.object[i]} is body word i and
 * {@code o.int[i]} body word {@code refs + i}.
 */
public final class ScriptShapes {
    /** The most body words {@code alloc} gives one object (a 64 MiB object). */
    public static final int MAX_WORDS = 1 << 23;
    /** Counts below this have their dynamic shape cached in an array. */
    private static final int SMALL = 16;

    private final GcRuntime runtime;
    private final String prefix;
    private final Map<TypeInfo, Shape> declared = new HashMap<>();
    private final Shape[] small = new Shape[SMALL * SMALL];
    private final Map<Long, Shape> large = new HashMap<>();
    /** Layouts by shape id; copy-on-write, read without a lock. */
    private volatile Layout[] layouts = new Layout[64];

    /** @param prefix names this script's declared types in the shape table ({@code lists.script}) */
    public ScriptShapes(GcRuntime runtime, String prefix) {
        this.runtime = runtime;
        this.prefix = prefix;
    }

    /** The shape of {@code layout}, defined on first use. */
    public synchronized Shape shape(Layout layout) {
        if (layout.info() != null) {
            Shape s = declared.get(layout.info());
            if (s == null) {
                s = define(prefix + ":" + layout.name(), layout);
                declared.put(layout.info(), s);
            }
            return s;
        }
        return counts(layout.refs(), layout.ints());
    }

    /** The shape of {@code alloc(refs, ints)} with counts known at run time. @throws dev.parallax.gc.lang.ScriptException for bad counts */
    public Shape dynamic(int refs, int ints, Site site) {
        if (refs >= 0 && ints >= 0 && refs < SMALL && ints < SMALL) {
            Shape s = small[refs * SMALL + ints];
            if (s != null) {
                return s;
            }
        }
        if (refs < 0 || ints < 0) {
            throw site.error("alloc(" + refs + ", " + ints + "): counts cannot be negative");
        }
        if ((long) refs + ints > MAX_WORDS) {
            throw site.error("alloc(" + refs + ", " + ints + "): an object has at most " + MAX_WORDS + " fields");
        }
        synchronized (this) {
            return counts(refs, ints);
        }
    }

    private Shape counts(int refs, int ints) {
        boolean isSmall = refs < SMALL && ints < SMALL;
        Shape s = isSmall ? small[refs * SMALL + ints] : large.get(((long) refs << 32) | ints);
        if (s == null) {
            Layout layout = Layout.of(refs, ints);
            s = define(layout.name(), layout);
            if (isSmall) {
                small[refs * SMALL + ints] = s;
            } else {
                large.put(((long) refs << 32) | ints, s);
            }
        }
        return s;
    }

    private Shape define(String name, Layout layout) {
        int[] refFields = new int[layout.refs()];
        Arrays.setAll(refFields, i -> i);
        Shape shape = runtime.shapes().define(name, layout.words(), refFields);
        Layout[] table = layouts;
        if (shape.id() >= table.length) {
            table = Arrays.copyOf(table, Math.max(shape.id() + 1, table.length * 2));
        } else {
            table = table.clone();
        }
        table[shape.id()] = layout;
        layouts = table;
        return shape;
    }

    /** The layout of a shape this run defined, or null for any other shape id. Cost: an array load. */
    public Layout layout(int shapeId) {
        Layout[] table = layouts;
        return shapeId >= 0 && shapeId < table.length ? table[shapeId] : null;
    }
}
