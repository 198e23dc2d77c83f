package dev.parallax.gc.properties.model;

/**
 * One 64-bit word as the reference model sees it: in a stack slot, a global cell or an object body.
 * {@link Raw} is a non-reference word (a raw field, a slot written with {@code setRaw} or cleared);
 * the other variants live in reference-capable words (reference slots, reference fields, captures).
 */
public sealed interface Value {
    /** A reference-capable word holding null. */
    Value NULL = new Null();
    /** A cleared stack slot: a non-reference zero. */
    Value CLEARED = new Raw(0);

    /** Whether the word is reference-capable (a reference slot or field), i.e. not {@link Raw}. */
    default boolean isReference() {
        return !(this instanceof Raw);
    }

    /** The object referenced, or null when the word holds no pointer. */
    default ModelObject target() {
        return this instanceof Ref(ModelObject t) ? t : null;
    }

    /** Null in a reference-capable word. */
    record Null() implements Value {
        @Override
        public String toString() {
            return "null";
        }
    }

    /** A pointer to a model object. */
    record Ref(ModelObject object) implements Value {
        @Override
        public String toString() {
            return "-> " + object.describe();
        }
    }

    /** An immediate small integer in a reference-capable word. */
    record SmallInt(long value) implements Value {
        @Override
        public String toString() {
            return "int " + value;
        }
    }

    /** A raw word the precise collector never traces. */
    record Raw(long word) implements Value {
        @Override
        public String toString() {
            return "raw " + word;
        }
    }
}
