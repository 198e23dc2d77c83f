package dev.parallax.gc.runtime.mutator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The mutator class of one runtime. {@linkplain #specialised Specialised}: a hidden class defined
 * from {@link MutatorImpl}'s own bytecode, with the runtime's {@link MutatorConstants} as its class
 * data, read into the static final {@code MutatorImpl.K} when the class initialises. The JIT then
 * treats the runtime's memory segment, mode and strategies as constants in every mutator method,
 * as a JIT that emits code per runtime would (HotSpot specialises its GC barriers the same way).
 * {@linkplain #generic Generic}: {@link MutatorImpl} itself, reading the constants from an instance
 * field; one class shared by every runtime of the JVM.
 *
 * <p>Why a hidden class and not the alternatives (measured on JDK 25, see the README): a segment in
 * an instance field costs every access a load and the segment's checks, and makes the accessors too
 * big to inline into recursive callers; a plain static final works only for one heap per JVM; an
 * everything-segment at absolute addresses with our own range check is as fast but crashes the JVM
 * on an access after the heap is freed. A hidden class per runtime keeps every JDK check (bounds,
 * liveness) and gives the constant segment; the class is unloaded with its runtime.
 *
 * <p>Cost: defining the class takes about a millisecond, and its methods start in the interpreter,
 * so a specialised runtime pays one JIT warm-up of its own. Call sites that see mutators of several
 * specialised runtimes become polymorphic; benchmarks therefore run one runtime per JVM.
 */
public final class MutatorClass {
    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, MutatorConstants.class,
            String.class, Thread.class, int.class);
    private static final byte[] TEMPLATE = readTemplate();

    private final MutatorConstants constants;
    private final MethodHandle constructor;
    private final boolean specialised;

    private MutatorClass(MutatorConstants constants, MethodHandle constructor, boolean specialised) {
        this.constants = constants;
        this.constructor = constructor;
        this.specialised = specialised;
    }

    /** A hidden copy of {@link MutatorImpl} whose constants are {@code constants}. */
    public static MutatorClass specialised(MutatorConstants constants) {
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE, constants, true);
            return new MutatorClass(constants, hidden.findConstructor(hidden.lookupClass(), CONSTRUCTOR), true);
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot specialise the mutator class: " + e, e);
        }
    }

    /** {@link MutatorImpl} itself, reading {@code constants} from each instance. */
    public static MutatorClass generic(MutatorConstants constants) {
        try {
            return new MutatorClass(constants, MethodHandles.lookup().findConstructor(MutatorImpl.class, CONSTRUCTOR),
                    false);
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot find the mutator constructor: " + e, e);
        }
    }

    public boolean isSpecialised() {
        return specialised;
    }

    /** A new mutator owned by {@code owner}, using stack region {@code stackIndex}. */
    public AttachedMutator create(String name, Thread owner, int stackIndex) {
        try {
            return (AttachedMutator) constructor.invoke(constants, name, owner, stackIndex);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create mutator '" + name + "': " + e, e);
        }
    }

    /**
     * The class data of the class {@code lookup} belongs to: the runtime's constants in a
     * specialised copy of {@link MutatorImpl}, null in {@link MutatorImpl} itself.
     */
    static MutatorConstants classData(MethodHandles.Lookup lookup) {
        try {
            return MethodHandles.classData(lookup, ConstantDescs.DEFAULT_NAME, MutatorConstants.class);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the mutator class data: " + e, e);
        }
    }

    private static byte[] readTemplate() {
        try (InputStream in = MutatorClass.class.getResourceAsStream("MutatorImpl.class")) {
            if (in == null) {
                throw new IllegalStateException("MutatorImpl.class is not on the class path next to MutatorClass");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MutatorImpl.class", e);
        }
    }
}
