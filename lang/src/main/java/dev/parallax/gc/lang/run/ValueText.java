package dev.parallax.gc.lang.run;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.lang.ir.Layout;
import dev.parallax.gc.lang.ir.MethodInfo;
import dev.parallax.gc.lang.types.Type;
import dev.parallax.gc.lang.types.TypeInfo;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Script values as text: {@code print}'s short form of a reference ({@code <List>}) and
 * {@code describe}'s rendering of the object graph reachable from its arguments. Reads the heap
 * without a safepoint, so the addresses it is given stay valid throughout.
 *
 * <p>{@code describe(a, 5)} numbers the objects in the order a breadth-first walk from the
 * arguments, left to right, first reaches them, and lists each once:
 * {@code #1, 5 where #1 = List(next: #2, value: 1); #2 = List(next: null, value: 2)}. Two isomorphic
 * graphs give the same text, whatever their addresses, so the text compares graphs across engines
 * and collectors.
 */
final class ValueText {
    private final ScriptThread thread;
    private final Mutator m;
    private final TagScheme tags;
    private final ScriptShapes shapes;
    private final Map<Long, Integer> numbers = new HashMap<>();
    private final ArrayDeque<Long> queue = new ArrayDeque<>();

    private ValueText(ScriptThread thread) {
        this.thread = thread;
        this.m = thread.mutator();
        this.tags = thread.tags();
        this.shapes = thread.context().shapes();
    }

    /** {@code <List>}, {@code <object/2/1>}, {@code <box 5>}, {@code <main/fn@3:9>}, or {@code null}. */
    static String shortText(ScriptThread thread, long object) {
        if (object == 0) {
            return "null";
        }
        return "<" + new ValueText(thread).header(object) + ">";
    }

    /** The kind of object at {@code object}, for messages: {@code List}, {@code box}, {@code fn(int) -> int}. */
    static String typeText(ScriptThread thread, long object) {
        ObjectKind kind = thread.mutator().kind(object);
        return switch (kind) {
            case BOXED_LONG, BOXED_DOUBLE -> "box";
            case CLOSURE -> {
                MethodInfo body = thread.context().script().closure(thread.mutator().codeId(object));
                yield body == null ? "closure" : body.closure().type().toString();
            }
            case SHAPED -> {
                Layout layout = thread.context().shapes().layout(thread.mutator().shape(object).id());
                yield layout == null ? thread.mutator().shape(object).name() : layout.name();
            }
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The text of {@code describe(values...)}: Integer, Boolean and String values, and Long addresses. */
    static String describe(ScriptThread thread, Object[] values) {
        return new ValueText(thread).graph(values);
    }

    private String graph(Object[] values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            Object v = values[i];
            if (v instanceof Long address) {
                out.append(ref(address));
            } else if (v instanceof String s) {
                out.append('"').append(s).append('"');
            } else {
                out.append(v);
            }
        }
        if (!queue.isEmpty()) {
            out.append(" where ");
            boolean first = true;
            while (!queue.isEmpty()) {
                long object = queue.removeFirst();
                if (!first) {
                    out.append("; ");
                }
                first = false;
                out.append('#').append(numbers.get(object)).append(" = ");
                body(object, out);
            }
        }
        return out.toString();
    }

    /** {@code #n} for an object (numbered and queued the first time), {@code null} for 0. */
    private String ref(long address) {
        if (address == 0) {
            return "null";
        }
        Integer n = numbers.get(address);
        if (n == null) {
            n = numbers.size() + 1;
            numbers.put(address, n);
            queue.addLast(address);
        }
        return "#" + n;
    }

    private String word(long tagged) {
        return tags.isPointer(tagged) ? ref(tags.untag(tagged)) : tagged == 0 ? "null" : "int " + tags.untagSmallInt(tagged);
    }

    private void body(long object, StringBuilder out) {
        ObjectKind kind = m.kind(object);
        switch (kind) {
            case BOXED_LONG -> out.append("box(").append(m.unboxLong(object)).append(')');
            case BOXED_DOUBLE -> out.append("box(").append(m.unboxDouble(object)).append(')');
            case CLOSURE -> {
                MethodInfo body = thread.context().script().closure(m.codeId(object));
                out.append(body == null ? "closure " + m.codeId(object) : body.name()).append('(');
                int n = m.length(object);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    String name = body == null || i >= body.closure().captured().size() ? "" : body.closure().captured()
                            .get(i) + ": ";
                    out.append(name).append(captured(object, i, body));
                }
                out.append(')');
            }
            case SHAPED -> shaped(object, out);
            default -> out.append(kind.name().toLowerCase(java.util.Locale.ROOT)).append('[').append(m.length(object))
                    .append(']');
        }
    }

    private String captured(long env, int i, MethodInfo body) {
        long word = m.readValue(env, i);
        if (body == null) {
            return word(word);
        }
        Type t = body.closure().types().get(i);
        if (t == Type.BOOLEAN) {
            return String.valueOf(tags.untagSmallInt(word) != 0);
        }
        if (t == Type.INT) {
            return String.valueOf(tags.untagSmallInt(word));
        }
        return word == 0 ? "null" : ref(tags.untag(word));
    }

    private void shaped(long object, StringBuilder out) {
        Layout layout = shapes.layout(m.shape(object).id());
        if (layout == null) {
            out.append(m.shape(object).name()).append("(?)");
            return;
        }
        out.append(layout.name()).append('(');
        TypeInfo info = layout.info();
        if (info != null) {
            List<TypeInfo.Field> fields = info.fields();
            for (int i = 0; i < fields.size(); i++) {
                TypeInfo.Field f = fields.get(i);
                if (i > 0) {
                    out.append(", ");
                }
                out.append(f.name()).append(": ");
                if (f.isReference()) {
                    out.append(word(m.readValue(object, f.word())));
                } else if (f.type() == Type.BOOLEAN) {
                    out.append(m.readRaw(object, f.word()) != 0);
                } else {
                    out.append((int) m.readRaw(object, f.word()));
                }
            }
        } else {
            for (int i = 0; i < layout.refs(); i++) {
                out.append(i > 0 ? ", " : "").append(word(m.readValue(object, i)));
            }
            if (layout.ints() > 0) {
                out.append(layout.refs() > 0 ? "; " : "");
                for (int i = 0; i < layout.ints(); i++) {
                    out.append(i > 0 ? ", " : "").append((int) m.readRaw(object, layout.refs() + i));
                }
            }
        }
        out.append(')');
    }

    private String header(long object) {
        ObjectKind kind = m.kind(object);
        return switch (kind) {
            case BOXED_LONG -> "box " + m.unboxLong(object);
            case BOXED_DOUBLE -> "box " + m.unboxDouble(object);
            default -> typeText(thread, object);
        };
    }
}
