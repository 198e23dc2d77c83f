package dev.parallax.gc.lang.ir;

import dev.parallax.gc.lang.syntax.Ast;
import dev.parallax.gc.lang.syntax.SourceFile;
import dev.parallax.gc.lang.types.TypeInfo;

import java.util.List;

/**
 * A script that parsed and type-checked: what both engines run.
 *
 * @param source   the script's file
 * @param methods  every method and closure body, by {@link MethodInfo#index()}
 * @param closures the closure bodies, by code id - 1
 * @param types    the declared types, in declaration order
 * @param options  the {@code option} lines, in order
 * @param main     the {@code main()} method
 * @param usesHash whether the script calls {@code hash()} (which needs object ids)
 */
public record CheckedScript(SourceFile source, List<MethodInfo> methods, List<MethodInfo> closures, List<TypeInfo> types,
                            List<Ast.OptionLine> options, MethodInfo main, boolean usesHash) {
    public CheckedScript {
        methods = List.copyOf(methods);
        closures = List.copyOf(closures);
        types = List.copyOf(types);
        options = List.copyOf(options);
    }

    /** The closure body of code id {@code codeId}, or null. */
    public MethodInfo closure(int codeId) {
        return codeId >= 1 && codeId <= closures.size() ? closures.get(codeId - 1) : null;
    }

    /** The method called {@code name} (not a closure), or null. */
    public MethodInfo method(String name) {
        for (MethodInfo m : methods) {
            if (!m.isClosure() && m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
