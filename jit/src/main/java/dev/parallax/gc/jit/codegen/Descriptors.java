package dev.parallax.gc.jit.codegen;

import dev.parallax.gc.lang.types.Type;

import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/** The JVM types the compiled code uses, and how script types map onto them. */
final class Descriptors {
    static final ClassDesc MUTATOR = ClassDesc.of("dev.parallax.gc.api.Mutator");
    static final ClassDesc SHAPE = ClassDesc.of("dev.parallax.gc.api.object.Shape");
    static final ClassDesc FRAME_SHAPE = ClassDesc.of("dev.parallax.gc.api.stack.FrameShape");
    static final ClassDesc THREAD = ClassDesc.of("dev.parallax.gc.lang.run.ScriptThread");
    static final ClassDesc BUILTINS = ClassDesc.of("dev.parallax.gc.lang.run.Builtins");
    static final ClassDesc SITE = ClassDesc.of("dev.parallax.gc.lang.ir.Site");
    static final ClassDesc METHOD_INFO = ClassDesc.of("dev.parallax.gc.lang.ir.MethodInfo");
    static final ClassDesc LAYOUT = ClassDesc.of("dev.parallax.gc.lang.ir.Layout");
    static final ClassDesc TYPE = ClassDesc.of("dev.parallax.gc.lang.types.Type");
    static final ClassDesc SCRIPT_EXCEPTION = ClassDesc.of("dev.parallax.gc.lang.ScriptException");
    static final ClassDesc STACK_MAP = ClassDesc.of("dev.parallax.gc.jit.stackmap.StackMap");
    static final ClassDesc STACK_MAP_CHECK = ClassDesc.of("dev.parallax.gc.jit.stackmap.StackMapCheck");
    static final ClassDesc STRING = ConstantDescs.CD_String;
    static final ClassDesc OBJECT = ConstantDescs.CD_Object;
    static final ClassDesc INT_ARRAY = ConstantDescs.CD_int.arrayType();
    static final ClassDesc STRING_BUILDER = ClassDesc.of("java.lang.StringBuilder");

    private Descriptors() {
    }

    /** The JVM type of a script value: long for references (an address), int for ints and booleans, String. */
    static ClassDesc of(Type t) {
        if (t == Type.VOID) {
            return ConstantDescs.CD_void;
        }
        if (t == Type.STRING) {
            return STRING;
        }
        return t.isReference() ? ConstantDescs.CD_long : ConstantDescs.CD_int;
    }

    static TypeKind kind(Type t) {
        if (t == Type.VOID) {
            return TypeKind.VOID;
        }
        if (t == Type.STRING) {
            return TypeKind.REFERENCE;
        }
        return t.isReference() ? TypeKind.LONG : TypeKind.INT;
    }

    static MethodTypeDesc method(ClassDesc result, ClassDesc... params) {
        return MethodTypeDesc.of(result, params);
    }
}
