package dev.parallax.gc.lang.ir;

import dev.parallax.gc.lang.types.Type;

/**
 * A local variable or parameter of a method. Reference variables have a reference slot of the
 * method's frame, shared with variables of other scopes that are never alive at the same time;
 * {@code int} and {@code boolean} variables a raw slot; strings a slot of a side array (they are Java
 * strings, never on the heap).
 *
 * @param id   unique within the method, dense from 0 (engines index tables by it)
 * @param slot the reference, raw or string slot, by the variable's kind
 */
public record Var(String name, Type type, int id, int slot) {
    /** The frames' three kinds of slot. */
    public enum Kind { REFERENCE, RAW, STRING }

    public Kind kind() {
        if (type.isReference()) {
            return Kind.REFERENCE;
        }
        return type == Type.STRING ? Kind.STRING : Kind.RAW;
    }

    public boolean isReference() {
        return type.isReference();
    }
}
