package dev.parallax.gc.lang.types;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The static type of a script value. Reference types ({@code object}, declared types, {@code box},
 * function types and the type of {@code null}) name heap objects; {@code int}, {@code boolean} and
 * {@code string} never live on the heap (strings are Java strings held beside the frame).
 */
public sealed interface Type {
    Type INT = new Prim("int");
    Type BOOLEAN = new Prim("boolean");
    Type STRING = new Prim("string");
    Type VOID = new Prim("void");
    Type OBJECT = new ObjectType();
    Type BOX = new BoxType();
    Type NULL = new NullType();
    Type WEAKREF = new RefType("weakref");
    Type SOFTREF = new RefType("softref");
    Type PHANTOMREF = new RefType("phantomref");

    /** Whether values of this type are heap references (or null). */
    default boolean isReference() {
        return !(this instanceof Prim);
    }

    /** {@code int}, {@code boolean}, {@code string}, {@code void}. */
    record Prim(String name) implements Type {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Any heap object: {@code alloc(refs, ints)}, or any other reference seen as an object. */
    record ObjectType() implements Type {
        @Override
        public String toString() {
            return "object";
        }
    }

    /** A boxed integer or double ({@code box(i)}, {@code boxDouble(n, d)}). */
    record BoxType() implements Type {
        @Override
        public String toString() {
            return "box";
        }
    }

    /** A weak, soft or phantom reference object ({@code weakRef(o)} and its kin). */
    record RefType(String name) implements Type {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The type of the literal {@code null}: assignable to every reference type. */
    record NullType() implements Type {
        @Override
        public String toString() {
            return "null";
        }
    }

    /** A declared type: {@code type List { List next; int value; }}. */
    record User(TypeInfo info) implements Type {
        @Override
        public String toString() {
            return info.name();
        }
    }

    /** A function type: {@code fn(int, object) -> int}; the result is {@link #VOID} for none. */
    record Fn(List<Type> params, Type result) implements Type {
        public Fn {
            params = List.copyOf(params);
        }

        @Override
        public String toString() {
            return "fn(" + params.stream().map(Type::toString).collect(Collectors.joining(", ")) + ")"
                    + (result == VOID ? "" : " -> " + result);
        }
    }
}
