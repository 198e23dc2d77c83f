package dev.parallax.gc.properties.model;

import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.object.ShapeTable;

/** The few fixed object layouts that generated programs allocate as SHAPED objects. */
public enum FixedShape {
    /** Two reference fields. */
    PAIR("Pair", 2, 0, 1),
    /** Reference fields 0 and 2 interleaved with raw words 1 and 3, to exercise reference maps. */
    NODE("Node", 4, 0, 2),
    /** Three raw words, never traced. */
    LEAF("Leaf", 3);

    private final String shapeName;
    private final int words;
    private final int[] referenceFields;

    FixedShape(String shapeName, int words, int... referenceFields) {
        this.shapeName = shapeName;
        this.words = words;
        this.referenceFields = referenceFields;
    }

    public String shapeName() {
        return shapeName;
    }

    public int words() {
        return words;
    }

    public boolean isReference(int field) {
        for (int f : referenceFields) {
            if (f == field) {
                return true;
            }
        }
        return false;
    }

    /** Defines this layout on a runtime's table (idempotent: the same definition returns the same shape). */
    public Shape define(ShapeTable table) {
        return table.define(shapeName, words, referenceFields);
    }

    /** The shape with this operand, modulo the number of shapes. */
    public static FixedShape select(int operand) {
        FixedShape[] all = values();
        return all[Math.floorMod(operand, all.length)];
    }
}
