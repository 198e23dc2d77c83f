package dev.parallax.gc.api.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frame shapes known to one runtime, indexed by id: the stack maps a precise root source reads
 * through each frame's header word. Defining a shape is rare and takes a lock; looking one up is a
 * plain array load and never blocks (the table is copy-on-write).
 */
public final class FrameShapeTable {
    private volatile FrameShape[] byId = new FrameShape[1];
    /** The zeroed all-reference shapes behind {@link #references(int)}, by slot count. */
    private volatile FrameShape[] references = new FrameShape[0];

    /**
     * Defines a frame shape whose slots are zeroed when it is pushed. The same name and layout defined
     * twice returns the first definition; the same name with another layout is an error.
     *
     * @throws IllegalArgumentException on a layout conflict or a reference slot out of range
     */
    public FrameShape define(String name, int slots, int... referenceSlots) {
        return define(name, slots, true, referenceSlots);
    }

    /**
     * Defines a frame shape whose slots are <i>not</i> zeroed when it is pushed: its code promises to
     * write every reference slot before the frame's first safepoint (see {@link FrameShape}).
     */
    public FrameShape defineUnzeroed(String name, int slots, int... referenceSlots) {
        return define(name, slots, false, referenceSlots);
    }

    private synchronized FrameShape define(String name, int slots, boolean zeroed, int... referenceSlots) {
        for (FrameShape s : byId) {
            if (s != null && s.name().equals(name)) {
                FrameShape candidate = FrameShape.of(s.id(), name, slots, zeroed, referenceSlots);
                if (!candidate.equals(s)) {
                    throw new IllegalArgumentException("frame shape '" + name + "' is already defined as " + s
                            + "; cannot redefine it as " + candidate);
                }
                return s;
            }
        }
        int id = byId.length;
        FrameShape shape = FrameShape.of(id, name, slots, zeroed, referenceSlots);
        FrameShape[] next = Arrays.copyOf(byId, id + 1);
        next[id] = shape;
        byId = next;
        return shape;
    }

    /**
     * The zeroed frame shape of {@code slots} slots that are all references ("refs/3"), defined on
     * first use. Cost after the first call: two array loads.
     */
    public FrameShape references(int slots) {
        FrameShape[] cache = references;
        if (slots >= 0 && slots < cache.length && cache[slots] != null) {
            return cache[slots];
        }
        return defineReferences(slots);
    }

    private synchronized FrameShape defineReferences(int slots) {
        if (slots < 0) {
            throw new IllegalArgumentException("a frame cannot have " + slots + " slots");
        }
        int[] all = new int[slots];
        Arrays.setAll(all, i -> i);
        FrameShape shape = define("refs/" + slots, slots, true, all);
        FrameShape[] cache = references.length > slots ? references.clone() : Arrays.copyOf(references, slots + 1);
        cache[slots] = shape;
        references = cache;
        return shape;
    }

    /** The shape with this id, or {@code null} if none was defined (a corrupt frame header or a bad id). */
    public FrameShape byId(long id) {
        FrameShape[] table = byId;
        return id > 0 && id < table.length ? table[(int) id] : null;
    }

    public List<FrameShape> all() {
        List<FrameShape> out = new ArrayList<>();
        for (FrameShape s : byId) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
