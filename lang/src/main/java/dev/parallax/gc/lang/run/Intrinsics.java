package dev.parallax.gc.lang.run;

import dev.parallax.gc.lang.ir.IntrinsicInfo;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Java static methods scripts may bind with {@code intrinsic class "C" method "m" signature (...)}.
 * Only registered methods are bound: a script cannot reach arbitrary Java code, and a method that is
 * not registered fails its call with an error naming the intrinsic. Intrinsics take and return
 * {@code int}, {@code boolean} and {@code String} only, never heap addresses.
 */
public final class Intrinsics {
    private static final Map<String, MethodHandle> REGISTERED = new ConcurrentHashMap<>();

    private Intrinsics() {
    }

    /**
     * Registers every public static method of {@code owner} named {@code method} whose parameters and
     * result are {@code int}, {@code boolean}, {@code String} (or a {@code void} result).
     *
     * @return how many overloads were registered
     * @throws IllegalArgumentException when none is suitable
     */
    public static int register(Class<?> owner, String method) {
        int count = 0;
        List<String> rejected = new ArrayList<>();
        for (Method m : owner.getMethods()) {
            if (!m.getName().equals(method) || !Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            List<String> params = new ArrayList<>();
            boolean ok = suitable(m.getReturnType(), true);
            for (Class<?> p : m.getParameterTypes()) {
                ok &= suitable(p, false);
                params.add(p.getName());
            }
            if (!ok) {
                rejected.add(m.toString());
                continue;
            }
            try {
                REGISTERED.put(key(owner.getName(), method, params), MethodHandles.publicLookup().unreflect(m));
                count++;
            } catch (IllegalAccessException e) {
                rejected.add(m + " (" + e.getMessage() + ")");
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no public static method " + owner.getName() + "." + method
                    + " with int, boolean and String parameters and result" + (rejected.isEmpty() ? "" : "; rejected "
                    + rejected));
        }
        return count;
    }

    /** The registered method {@code info} names, or null. */
    public static MethodHandle lookup(IntrinsicInfo info) {
        return REGISTERED.get(key(info.className(), info.methodName(), info.javaParams()));
    }

    private static boolean suitable(Class<?> type, boolean result) {
        return type == int.class || type == boolean.class || type == String.class || (result && type == void.class);
    }

    private static String key(String owner, String method, List<String> params) {
        return owner + "." + method + "(" + String.join(",", params) + ")";
    }
}
