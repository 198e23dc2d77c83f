package dev.parallax.gc.api.object;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shapes known to one runtime, indexed by type id. Defining a shape is rare and takes a lock;
 * looking one up is a plain array load and never blocks (the table is copy-on-write).
 */
public final class ShapeTable {
    private volatile Shape[] byId = new Shape[1];

    /**
     * Defines a new shape and returns it. The same name and layout defined twice returns the first
     * definition; the same name with another layout is an error.
     *
     * @throws IllegalArgumentException on a layout conflict or when the type ids run out
     */
    public synchronized Shape define(String name, int words, int... referenceFields) {
        for (Shape s : byId) {
            if (s != null && s.name().equals(name)) {
                Shape candidate = Shape.of(s.id(), name, words, referenceFields);
                if (!candidate.equals(s)) {
                    throw new IllegalArgumentException("shape '" + name + "' is already defined as " + s
                            + "; cannot redefine it as " + candidate);
                }
                return s;
            }
        }
        int id = byId.length;
        if (id > HeaderLayout.MAX_TYPE_ID) {
            throw new IllegalArgumentException("no type ids left for shape '" + name + "'");
        }
        Shape shape = Shape.of(id, name, words, referenceFields);
        Shape[] next = Arrays.copyOf(byId, id + 1);
        next[id] = shape;
        byId = next;
        return shape;
    }

    /** The shape with this id, or {@code null} if none was defined (a corrupt header or a bad id). */
    public Shape byId(int id) {
        Shape[] table = byId;
        return id > 0 && id < table.length ? table[id] : null;
    }

    /**
     * The table as of now, indexed by id (index 0 and undefined ids hold null). A published table is
     * never modified, so a collector may read it once per trace instead of once per object; callers
     * must not write to it.
     */
    public Shape[] snapshot() {
        return byId;
    }

    public List<Shape> all() {
        List<Shape> out = new ArrayList<>();
        for (Shape s : byId) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
