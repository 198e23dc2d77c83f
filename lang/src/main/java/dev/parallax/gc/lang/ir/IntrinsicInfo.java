package dev.parallax.gc.lang.ir;

import java.util.List;

/**
 * A method declared {@code intrinsic class "C" method "m" signature (...)}: bound when called to the
 * Java static method registered under that class and method name (see {@code run.Intrinsics}).
 *
 * @param javaParams the Java parameter types ({@code int}, {@code boolean}, {@code java.lang.String}), from the
 *                   declared signature or the script parameter types
 */
public record IntrinsicInfo(String className, String methodName, List<String> javaParams) {
    public IntrinsicInfo {
        javaParams = List.copyOf(javaParams);
    }

    /** {@code C.m(int, java.lang.String)}, for messages. */
    public String describe() {
        return className + "." + methodName + "(" + String.join(", ", javaParams) + ")";
    }
}
