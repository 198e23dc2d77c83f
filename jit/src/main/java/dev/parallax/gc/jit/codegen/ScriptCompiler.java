package dev.parallax.gc.jit.codegen;

import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.safepoint.SafepointPolicy;
import dev.parallax.gc.api.safepoint.SafepointSite;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.jit.analysis.Liveness;
import dev.parallax.gc.jit.stackmap.StackMap;
import dev.parallax.gc.lang.ir.Layout;
import dev.parallax.gc.lang.ir.MethodInfo;
import dev.parallax.gc.lang.ir.Site;
import dev.parallax.gc.lang.run.ScriptContext;
import dev.parallax.gc.lang.types.Type;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.SourceFileAttribute;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;

/**
 * Compiles a checked script for one run's runtime into one hidden class: a static method per script
 * method and closure body, a dispatcher per function type (a switch over the closures' code ids),
 * and its constants (the runtime's shapes and frame shapes, sites, stack maps) as class data.
 *
 * <p>Frames: one frame shape per compiled method, as many slots as the method needs to hold the
 * references live across its safepoints (a method with none pushes no frame), its reference slots
 * the union of its safepoints' stack maps, unzeroed (the code writes every slot before its first
 * safepoint).
 */
public final class ScriptCompiler {
    /**
     * How to compile.
     *
     * @param crossCheck     check each safepoint's frame against its stack map before the safepoint
     * @param everySitePolls poll at every function entry and loop back-edge, whatever the policy says
     * @param omitLiveSlot   the seeded bug: leave the highest slot each method spills to out of its
     *                       stack maps (and so out of its frame shape's reference slots)
     * @param reload         reload live references from their slots after each safepoint: needed when
     *                       the collector may move objects; under a collector that never does, a spilled
     *                       object stays alive and where it was, so the address in the JVM local stays good
     */
    public record Options(boolean crossCheck, boolean everySitePolls, boolean omitLiveSlot, boolean reload) {
    }

    /** What compiling produced: the entry points and the stack map of every safepoint. */
    public record Compiled(Map<MethodInfo, MethodHandle> entries, List<StackMap> stackMaps) {
    }

    private static final String CLASS_NAME = "dev.parallax.gc.jit.CompiledScript";

    private final ScriptContext context;
    private final Options options;
    private final ClassDesc self = ClassDesc.of(CLASS_NAME);
    private final ClassData data = new ClassData();
    private final List<StackMap> maps = new ArrayList<>();
    private final Map<MethodInfo, FrameShape> frames = new HashMap<>();
    private final Map<Layout, Shape> shapes = new HashMap<>();
    private final Map<Type.Fn, String> dispatchers = new LinkedHashMap<>();
    private final Map<MethodInfo, String> names = new HashMap<>();

    private ScriptCompiler(ScriptContext context, Options options) {
        this.context = context;
        this.options = options;
    }

    /**
     * Compiles {@code context}'s script for its runtime and defines the class in {@code host}'s
     * package (a lookup of the jit package, with the right to define hidden classes there).
     */
    public static Compiled compile(ScriptContext context, Options options, MethodHandles.Lookup host) {
        return new ScriptCompiler(context, options).run(host);
    }

    private Compiled run(MethodHandles.Lookup host) {
        SafepointPolicy policy = context.runtime().safepointPolicy();
        boolean entryPoll = options.everySitePolls() || policy.pollsAt(SafepointSite.FUNCTION_ENTRY);
        boolean backEdgePoll = options.everySitePolls() || policy.pollsAt(SafepointSite.BACK_EDGE);
        List<MethodInfo> bodies = new ArrayList<>();
        for (MethodInfo m : context.script().methods()) {
            if (m.body() != null) {
                bodies.add(m);
                names.put(m, "m" + m.index() + "$" + m.name().replaceAll("[^A-Za-z0-9_$]", "_"));
            }
        }
        ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(
                        ClassHierarchyResolver.ofClassLoading(ScriptCompiler.class.getClassLoader()))));
        byte[] bytes = classFile.build(self, cb -> {
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL);
            cb.with(SourceFileAttribute.of(context.script().source().shortName()));
            for (MethodInfo m : bodies) {
                compileMethod(cb, m, entryPoll, backEdgePoll);
            }
            for (Map.Entry<Type.Fn, String> d : List.copyOf(dispatchers.entrySet())) {
                dispatcher(cb, d.getKey(), d.getValue());
            }
        });
        dump(bytes);
        try {
            MethodHandles.Lookup lookup = host.defineHiddenClassWithClassData(bytes, data.values(), true);
            Map<MethodInfo, MethodHandle> entries = new HashMap<>();
            for (MethodInfo m : bodies) {
                if (!m.isClosure()) {
                    entries.put(m, lookup.findStatic(lookup.lookupClass(), names.get(m),
                            MethodCompiler.descriptor(m).resolveConstantDesc(lookup)));
                }
            }
            return new Compiled(entries, List.copyOf(maps));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot define the compiled class of " + context.script().source().name()
                    + ": " + e, e);
        }
    }

    /** With {@code -Dparallax.jit.dump=DIR}, writes the class file to DIR (for javap), named after the script. */
    private void dump(byte[] bytes) {
        String dir = System.getProperty("parallax.jit.dump");
        if (dir == null) {
            return;
        }
        try {
            java.nio.file.Path file = java.nio.file.Path.of(dir, context.script().source().shortName() + ".class");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot dump the compiled class to " + dir, e);
        }
    }

    private void compileMethod(ClassBuilder cb, MethodInfo m, boolean entryPoll, boolean backEdgePoll) {
        Liveness live = Liveness.of(m, entryPoll, backEdgePoll);
        BitSet spilled = new BitSet();
        for (Object node : live.safepoints()) {
            BitSet across = live.liveAcross(node);
            for (int v = across.nextSetBit(0); v >= 0; v = across.nextSetBit(v + 1)) {
                spilled.set(live.slotOf(v));
            }
        }
        int frameSlots = spilled.length();
        BitSet omitted = new BitSet();
        if (options.omitLiveSlot() && frameSlots > 0) {
            omitted.set(frameSlots - 1);
        }
        if (frameSlots > 0) {
            BitSet refs = (BitSet) spilled.clone();
            refs.andNot(omitted);
            String name = (options.omitLiveSlot() ? "jit(omit-live-slot) " : "jit ")
                    + context.script().source().shortName() + ":" + m.name();
            frames.put(m, context.runtime().frames().defineUnzeroed(name, frameSlots, refs.stream().toArray()));
        }
        cb.withMethodBody(names.get(m), MethodCompiler.descriptor(m), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                code -> new MethodCompiler(this, m, live, code, frameSlots, omitted).compile());
    }

    /**
     * A function type's dispatcher {@code (Mutator, ScriptThread, Site, long fn, params...)}: reads the
     * closure's code id (null is an error at the call's site) and calls the closure body of that id.
     */
    private void dispatcher(ClassBuilder cb, Type.Fn type, String name) {
        cb.withMethodBody(name, dispatcherDescriptor(type), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> {
            code.aload(1);
            code.lload(3);
            code.aload(2);
            code.invokestatic(Descriptors.BUILTINS, "closureCode", Descriptors.method(CD_int, Descriptors.THREAD,
                    CD_long, Descriptors.SITE));
            Label other = code.newLabel();
            List<SwitchCase> cases = new ArrayList<>();
            List<MethodInfo> targets = new ArrayList<>();
            for (MethodInfo c : context.script().closures()) {
                if (c.closure().type().equals(type)) {
                    Label l = code.newLabel();
                    cases.add(SwitchCase.of(c.closure().codeId(), l));
                    targets.add(c);
                }
            }
            code.lookupswitch(other, cases);
            for (int i = 0; i < targets.size(); i++) {
                code.labelBinding(cases.get(i).target());
                MethodInfo target = targets.get(i);
                code.aload(0);
                code.aload(1);
                code.lload(3);
                for (int p = 0; p < type.params().size(); p++) {
                    code.loadLocal(Descriptors.kind(type.params().get(p)), code.parameterSlot(4 + p));
                }
                code.invokestatic(self, names.get(target), MethodCompiler.descriptor(target));
                returnValue(code, type.result());
            }
            code.labelBinding(other);
            code.aload(2);
            code.ldc("calling a function value whose closure is not a " + type);
            code.invokevirtual(Descriptors.SITE, "error", Descriptors.method(Descriptors.SCRIPT_EXCEPTION,
                    Descriptors.STRING));
            code.athrow();
        });
    }

    private static void returnValue(CodeBuilder code, Type result) {
        switch (Descriptors.kind(result)) {
            case INT -> code.ireturn();
            case LONG -> code.lreturn();
            case REFERENCE -> code.areturn();
            default -> code.return_();
        }
    }

    // ---- for the method compiler ------------------------------------------------------------------

    ClassDesc self() {
        return self;
    }

    boolean crossCheck() {
        return options.crossCheck();
    }

    boolean everySitePolls() {
        return options.everySitePolls();
    }

    boolean reload() {
        return options.reload();
    }

    java.lang.constant.DynamicConstantDesc<Object> constant(Object value, ClassDesc type) {
        return data.constant(value, type);
    }

    FrameShape frameShape(MethodInfo m) {
        return frames.get(m);
    }

    Shape shape(Layout layout) {
        return shapes.computeIfAbsent(layout, l -> context.shapes().shape(l));
    }

    String methodName(MethodInfo m) {
        return names.get(m);
    }

    MethodTypeDesc descriptor(MethodInfo m) {
        return MethodCompiler.descriptor(m);
    }

    String dispatcher(Type.Fn type) {
        return dispatchers.computeIfAbsent(type, t -> "dispatch$" + dispatchers.size());
    }

    MethodTypeDesc dispatcherDescriptor(Type.Fn type) {
        ClassDesc[] params = new ClassDesc[type.params().size() + 4];
        params[0] = Descriptors.MUTATOR;
        params[1] = Descriptors.THREAD;
        params[2] = Descriptors.SITE;
        params[3] = CD_long;
        for (int i = 0; i < type.params().size(); i++) {
            params[i + 4] = Descriptors.of(type.params().get(i));
        }
        return MethodTypeDesc.of(Descriptors.of(type.result()), params);
    }

    /** Records a safepoint's stack map in the script's table. */
    StackMap record(Liveness.SiteKind kind, Site site, int frameSlots, BitSet slots) {
        StackMap map = new StackMap(maps.size(), kind, site, frameSlots, slots);
        maps.add(map);
        return map;
    }

    static TypeKind kind(Type t) {
        return Descriptors.kind(t);
    }
}
