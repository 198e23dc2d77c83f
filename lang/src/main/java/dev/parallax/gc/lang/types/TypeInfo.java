package dev.parallax.gc.lang.types;

import java.util.ArrayList;
import java.util.List;

/**
 * A declared type's layout on the heap: a shaped object whose reference fields come first, in
 * declaration order, then its {@code int} and {@code boolean} fields. So {@code o.object[i]} is the
 * i-th reference field and {@code o.int[i]} the i-th int field of any script object, declared or
 * made by {@code alloc(refs, ints)}.
 */
public final class TypeInfo {
    /** One field: its name, type and body word index. */
    public record Field(String name, Type type, int word) {
        public boolean isReference() {
            return type.isReference();
        }
    }

    private final String name;
    private final List<Field> fields = new ArrayList<>();
    private int refCount;

    public TypeInfo(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * Lays out the fields (called once, after every declared type is known, so that fields may name
     * types declared later).
     *
     * @param declared the fields in declaration order: names and types
     */
    public void layOut(List<String> names, List<Type> types) {
        fields.clear();
        refCount = 0;
        for (Type t : types) {
            if (t.isReference()) {
                refCount++;
            }
        }
        int nextRef = 0;
        int nextRaw = refCount;
        for (int i = 0; i < names.size(); i++) {
            Type t = types.get(i);
            fields.add(new Field(names.get(i), t, t.isReference() ? nextRef++ : nextRaw++));
        }
    }

    public List<Field> fields() {
        return List.copyOf(fields);
    }

    /** The field called {@code field}, or null. */
    public Field field(String field) {
        for (Field f : fields) {
            if (f.name().equals(field)) {
                return f;
            }
        }
        return null;
    }

    /** Reference fields (body words 0 .. refCount-1). */
    public int refCount() {
        return refCount;
    }

    /** Int and boolean fields (the body words after the references). */
    public int intCount() {
        return fields.size() - refCount;
    }

    /** The declared type of reference field {@code i} (body word i). */
    public Type refFieldType(int i) {
        for (Field f : fields) {
            if (f.isReference() && f.word() == i) {
                return f.type();
            }
        }
        throw new IndexOutOfBoundsException("type " + name + " has " + refCount + " reference fields, not " + (i + 1));
    }

    @Override
    public String toString() {
        return name;
    }
}
