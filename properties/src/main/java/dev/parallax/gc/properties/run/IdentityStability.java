package dev.parallax.gc.properties.run;

import dev.parallax.gc.properties.model.ModelObject;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Invariant (c), {@link Invariant#IDENTITY_STABILITY}: the runtime id an object gets at allocation
 * is its id for as long as it is reachable, and ids are never shared. Also gives the graph walk the
 * expected id of every model object.
 */
public final class IdentityStability {
    private final Map<ModelObject, Long> idOf = new IdentityHashMap<>();
    private final Map<Long, ModelObject> ownerOf = new HashMap<>();

    /** Records the id of a fresh object; fails if the runtime handed out an id it gave before. */
    public void allocated(ModelObject object, long id, String when) {
        ModelObject previous = ownerOf.putIfAbsent(id, object);
        if (previous != null) {
            throw new InvariantViolation(Invariant.IDENTITY_STABILITY, when + ": the new " + object.describe()
                    + " got runtime id #" + id + ", already the id of " + previous.describe());
        }
        idOf.put(object, id);
    }

    /** Checks that {@code object}, found at {@code where}, still has the id it was allocated with. */
    public void check(ModelObject object, long id, String when, Object where) {
        Long expected = idOf.get(object);
        if (expected == null) {
            throw new IllegalStateException("no id recorded for " + object.describe());
        }
        if (expected != id) {
            throw new InvariantViolation(Invariant.IDENTITY_STABILITY, when + ": at " + where + " expected "
                    + object.describe() + " with id #" + expected + ", found runtime id #" + id
                    + (ownerOf.containsKey(id) ? " (the id of " + ownerOf.get(id).describe() + ")" : ""));
        }
    }

    /** The model object allocated with runtime id {@code id}, or null if no object of this program has it. */
    public ModelObject ownerOf(long id) {
        return ownerOf.get(id);
    }

    /** The id {@code object} was allocated with, or -1 if it is unknown. */
    public long idOf(ModelObject object) {
        return idOf.getOrDefault(object, -1L);
    }
}
