package dev.parallax.gc.properties.program;

import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.properties.model.FixedShape;
import dev.parallax.gc.properties.model.ModelObject;
import dev.parallax.gc.properties.model.ReferenceModel;
import dev.parallax.gc.properties.run.ModelExecutor;
import dev.parallax.gc.properties.run.Resolver;
import dev.parallax.gc.properties.run.Step;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The same generated programs as scripts of the mutator language, so that the engines that run
 * scripts (the interpreter and the compiler) can be checked against each other with the programs
 * the property checker runs. Actions are resolved against the reference model as the checker does;
 * each concrete step becomes a statement:
 *
 * <ul>
 *   <li>a frame is a method: the program's base frame is {@code main}, each pushed frame a method
 *       {@code frameN()} that the current one calls, ended by the pop (or the program's end); a
 *       frame's reference slots are {@code object} variables {@code s0, s1...}, its raw slots
 *       {@code int} variables {@code r...};</li>
 *   <li>allocations are {@code alloc(Pair)}, {@code alloc(Node)}, {@code alloc(Leaf)} (declared types
 *       of the model's layouts), {@code alloc(n, 0)}, {@code alloc(0, n)}, {@code box(v)},
 *       {@code boxDouble(v, 8)}, and closures ({@code fn() -> int}) capturing the step's source
 *       variables;</li>
 *   <li>field writes and loads are {@code s.object[k]} and {@code s.int[k]}, slot copies and clears
 *       assignments; collections {@code gc()}, back-edges a two-round loop, function entries a call;</li>
 *   <li>what the language cannot express (globals, pins, raw addresses in slots, immediates in
 *       reference fields, collector steps, fields of closures) is left out, of the model too, so the
 *       model and the script stay in step.</li>
 * </ul>
 *
 * Every method ends by printing {@code describe} of all its variables (the graph they reach, in a
 * form that is the same for isomorphic graphs), and {@code main} collects once more first: two
 * engines that run a script must print the same text, and leave the same objects live after that
 * last collection.
 */
public final class ScriptEmitter {
    private final ReferenceModel model = new ReferenceModel();
    private final Resolver resolver = new Resolver(0, false, 1);
    private final List<StringBuilder> methods = new ArrayList<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private int closures;

    /** A method being written: its body, indentation and slot layout. */
    private record Frame(StringBuilder body, int slots, int rawSlots) {
        int refs() {
            return slots - rawSlots;
        }
    }

    private ScriptEmitter() {
    }

    /** {@code program} as a script. */
    public static String script(Program program) {
        return new ScriptEmitter().emit(program);
    }

    private String emit(Program program) {
        Step base = new Step.PushFrame(Resolver.BASE_SLOTS, Resolver.BASE_RAW_SLOTS);
        ModelExecutor.apply(model, base);
        open("void main() {", Resolver.BASE_SLOTS, Resolver.BASE_RAW_SLOTS);
        for (Action action : program.actions()) {
            Step step = resolver.resolve(action, model);
            if (emit(step)) {
                ModelExecutor.apply(model, step);
            }
        }
        while (frames.size() > 1) {
            close("");
        }
        close("  gc();\n");
        StringBuilder out = new StringBuilder("""
                // generated from a property-checker program
                type Pair { object f0; object f1; }
                type Node { object f0; int f1; object f2; int f3; }
                type Leaf { int f0; int f1; int f2; }

                nop() {
                }

                """);
        for (StringBuilder m : methods) {
            out.append(m).append('\n');
        }
        return out.toString();
    }

    private void open(String header, int slots, int rawSlots) {
        StringBuilder body = new StringBuilder(header).append('\n');
        Frame f = new Frame(body, slots, rawSlots);
        for (int i = 0; i < f.refs(); i++) {
            body.append("  object s").append(i).append(" = null;\n");
        }
        for (int i = f.refs(); i < slots; i++) {
            body.append("  int r").append(i).append(" = 0;\n");
        }
        frames.push(f);
        methods.add(body);
    }

    /** Ends the innermost method: {@code before}, then a description of every variable. */
    private void close(String before) {
        Frame f = frames.pop();
        f.body().append(before).append("  print(\"").append(frames.size()).append(": \", describe(");
        for (int i = 0; i < f.slots(); i++) {
            f.body().append(i == 0 ? "" : ", ").append(var(f, i));
        }
        f.body().append("));\n}\n");
    }

    private static String var(Frame f, int slot) {
        return (slot < f.refs() ? "s" : "r") + slot;
    }

    private void line(String statement) {
        frames.peek().body().append("  ").append(statement).append('\n');
    }

    /** Writes the statement of {@code step}; false when the language cannot express it (then the model skips it too). */
    private boolean emit(Step step) {
        Frame f = frames.peek();
        switch (step) {
            case Step.NewShaped(FixedShape shape, int slot) -> line(var(f, slot) + " = alloc(" + shape.shapeName() + ");");
            case Step.NewRefArray(int length, int slot) -> line(var(f, slot) + " = alloc(" + length + ", 0);");
            case Step.NewRawArray(int length, int slot) -> line(var(f, slot) + " = alloc(0, " + length + ");");
            case Step.NewBoxedLong(long value, int slot) -> line(var(f, slot) + " = box(" + (int) value + ");");
            case Step.NewBoxedDouble(double value, int slot) -> line(var(f, slot) + " = boxDouble("
                    + (int) Math.round(value * 8) + ", 8);");
            case Step.NewClosure(int code, List<Integer> sources, int slot) -> line(var(f, slot) + " = "
                    + closure(f, sources) + ";");
            case Step.WriteField(int object, int field, int source) -> {
                ModelObject o = model.slot(object).target();
                if (!indexable(o)) {
                    return false;
                }
                line(var(f, object) + ".object[" + rank(o, field, true) + "] = "
                        + (source < 0 ? "null" : var(f, source)) + ";");
            }
            case Step.WriteRaw(int object, int field, long value) -> {
                ModelObject o = model.slot(object).target();
                if (!indexable(o)) {
                    return false;
                }
                line(var(f, object) + ".int[" + rank(o, field, false) + "] = " + (int) value + ";");
            }
            case Step.Load(int object, int field, int slot) -> {
                ModelObject o = model.slot(object).target();
                if (!indexable(o)) {
                    return false;
                }
                line(var(f, slot) + " = " + var(f, object) + ".object[" + rank(o, field, true) + "];");
            }
            case Step.Copy(int from, int to, boolean reference) -> line(var(f, to) + " = " + var(f, from) + ";");
            case Step.Clear(int slot) -> line(var(f, slot) + (slot < f.refs() ? " = null;" : " = 0;"));
            case Step.SetRaw(int slot, long value) -> line(var(f, slot) + " = " + (int) value + ";");
            case Step.PushFrame(int slots, int rawSlots) -> {
                String name = "frame" + methods.size();
                line(name + "();");
                open(name + "() {", slots, rawSlots);
            }
            case Step.PopFrame() -> close("");
            case Step.Collect() -> line("gc();");
            case Step.BackEdge() -> line("{ int w = 0; while (w < 2) { w = w + 1; } }");
            case Step.FunctionEntry() -> line("nop();");
            case Step.Poll p -> {
            }
            case Step.Skip s -> {
            }
            default -> {
                return false; // globals, pins, raw addresses, immediates, collector steps: not in the language
            }
        }
        return true;
    }

    /** Whether the script can reach the object's fields by index: a shaped object or an array, not a closure or a box. */
    private static boolean indexable(ModelObject o) {
        return o != null && (o.kind() == ObjectKind.SHAPED || o.kind() == ObjectKind.REF_ARRAY
                || o.kind() == ObjectKind.RAW_ARRAY);
    }

    /** The script's index of body word {@code word}: its rank among the object's reference (or raw) words. */
    private static int rank(ModelObject o, int word, boolean reference) {
        int rank = 0;
        for (int i = 0; i < word; i++) {
            if (o.isReferenceWord(i) == reference) {
                rank++;
            }
        }
        return rank;
    }

    /** A closure capturing the source variables (a variable is captured once, raw sources are left out). */
    private String closure(Frame f, List<Integer> sources) {
        Set<String> captured = new LinkedHashSet<>();
        for (int s : sources) {
            if (s >= 0) {
                captured.add(var(f, s));
            }
        }
        StringBuilder body = new StringBuilder("fn() -> int { object c = null; ");
        for (String v : captured) {
            body.append("c = ").append(v).append("; ");
        }
        return body.append(String.format(Locale.ROOT, "return %d; }", closures++)).toString();
    }
}
