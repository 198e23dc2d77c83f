package dev.parallax.gc.properties.model;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;

import java.util.Arrays;

/**
 * An object of the reference model: a plain Java object with the kind, layout and body words a
 * heap object should have. Identity is Java identity ({@code equals} is not overridden), so sharing
 * and cycles in the model are sharing and cycles of these objects.
 */
public final class ModelObject {
    private final int serial;
    private final ObjectKind kind;
    private final FixedShape shape;
    private final int codeId;
    private final Value[] body;

    private ModelObject(int serial, ObjectKind kind, FixedShape shape, int codeId, int length) {
        this.serial = serial;
        this.kind = kind;
        this.shape = shape;
        this.codeId = codeId;
        this.body = new Value[length];
        for (int i = 0; i < length; i++) {
            body[i] = isReferenceWord(i) ? Value.NULL : Value.CLEARED;
        }
    }

    static ModelObject shaped(int serial, FixedShape shape) {
        return new ModelObject(serial, ObjectKind.SHAPED, shape, 0, shape.words());
    }

    static ModelObject refArray(int serial, int length) {
        return new ModelObject(serial, ObjectKind.REF_ARRAY, null, 0, length);
    }

    static ModelObject rawArray(int serial, int length) {
        return new ModelObject(serial, ObjectKind.RAW_ARRAY, null, 0, length);
    }

    static ModelObject boxedLong(int serial, long value) {
        ModelObject o = new ModelObject(serial, ObjectKind.BOXED_LONG, null, 0, 1);
        o.body[0] = new Value.Raw(value);
        return o;
    }

    static ModelObject boxedDouble(int serial, double value) {
        ModelObject o = new ModelObject(serial, ObjectKind.BOXED_DOUBLE, null, 0, 1);
        o.body[0] = new Value.Raw(Double.doubleToRawLongBits(value));
        return o;
    }

    static ModelObject closure(int serial, int codeId, int captured) {
        return new ModelObject(serial, ObjectKind.CLOSURE, null, codeId, captured);
    }

    /** The model's own number for the object (m1, m2, ...), in allocation order; for messages. */
    public int serial() {
        return serial;
    }

    public ObjectKind kind() {
        return kind;
    }

    /** The layout of a SHAPED object, null for other kinds. */
    public FixedShape shape() {
        return shape;
    }

    /** The code id of a CLOSURE, 0 for other kinds. */
    public int codeId() {
        return codeId;
    }

    /** Body words. */
    public int length() {
        return body.length;
    }

    /** Size on a heap whose headers are {@code headerWords} words (1, or 2 with object ids). */
    public long bytes(int headerWords) {
        return HeaderLayout.objectBytes(body.length, headerWords);
    }

    /** Whether body word {@code index} may hold a reference (a slot the collector traces). */
    public boolean isReferenceWord(int index) {
        return switch (kind) {
            case REF_ARRAY, CLOSURE -> true;
            case SHAPED -> shape.isReference(index);
            default -> false;
        };
    }

    /** Whether the object has at least one reference word. */
    public boolean hasReferenceWords() {
        return referenceWordCount() > 0;
    }

    /** Whether the mutator may store raw words into the body (boxes are immutable). */
    public boolean hasWritableRawWords() {
        return kind != ObjectKind.BOXED_LONG && kind != ObjectKind.BOXED_DOUBLE && rawWordCount() > 0;
    }

    public int referenceWordCount() {
        int n = 0;
        for (int i = 0; i < body.length; i++) {
            n += isReferenceWord(i) ? 1 : 0;
        }
        return n;
    }

    public int rawWordCount() {
        return body.length - referenceWordCount();
    }

    /** The body index of the {@code k}-th reference word ({@code 0 <= k < referenceWordCount()}). */
    public int referenceWord(int k) {
        return nthWord(k, true);
    }

    /** The body index of the {@code k}-th raw word ({@code 0 <= k < rawWordCount()}). */
    public int rawWord(int k) {
        return nthWord(k, false);
    }

    private int nthWord(int k, boolean reference) {
        for (int i = 0; i < body.length; i++) {
            if (isReferenceWord(i) == reference && k-- == 0) {
                return i;
            }
        }
        throw new IndexOutOfBoundsException(describe() + " has no " + (reference ? "reference" : "raw")
                + " word number " + k);
    }

    public Value word(int index) {
        return body[index];
    }

    /**
     * Stores a word. Reference words take {@code Null}, {@code Ref} or {@code SmallInt}; raw words
     * take {@code Raw} only (a mismatch is a bug of the caller, not of the GC).
     */
    public void setWord(int index, Value value) {
        if (value.isReference() != isReferenceWord(index)) {
            throw new IllegalArgumentException("cannot store " + value + " in "
                    + (isReferenceWord(index) ? "reference" : "raw") + " word " + index + " of " + describe());
        }
        body[index] = value;
    }

    /** "m5 Pair", "m7 REF_ARRAY[3]", "m8 CLOSURE code 2 [1]", "m9 BOXED_LONG 42". */
    public String describe() {
        return "m" + serial + " " + switch (kind) {
            case SHAPED -> shape.shapeName();
            case CLOSURE -> "CLOSURE code " + codeId + " [" + body.length + "]";
            case BOXED_LONG -> "BOXED_LONG " + ((Value.Raw) body[0]).word();
            case BOXED_DOUBLE -> "BOXED_DOUBLE " + Double.longBitsToDouble(((Value.Raw) body[0]).word());
            default -> kind + "[" + body.length + "]";
        };
    }

    @Override
    public String toString() {
        return describe() + " " + Arrays.toString(body);
    }
}
