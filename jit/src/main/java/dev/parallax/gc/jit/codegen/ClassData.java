package dev.parallax.gc.jit.codegen;

import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DynamicConstantDesc;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects compiled code uses as constants (shapes, frame shapes, sites, stack maps, types): the
 * class data of the hidden class, each loaded with an {@code ldc} of a dynamic constant that
 * {@code MethodHandles.classDataAt} resolves once. The JIT then treats them as constants, as it
 * treats the runtime's constants in the specialised mutator class.
 */
final class ClassData {
    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> indices = new IdentityHashMap<>();

    /** The dynamic constant that loads {@code value} (the same object, the same constant). */
    DynamicConstantDesc<Object> constant(Object value, ClassDesc type) {
        Integer index = indices.get(value);
        if (index == null) {
            index = values.size();
            values.add(value);
            indices.put(value, index);
        }
        return DynamicConstantDesc.ofNamed(ConstantDescs.BSM_CLASS_DATA_AT, ConstantDescs.DEFAULT_NAME, type, index);
    }

    List<Object> values() {
        return List.copyOf(values);
    }
}
