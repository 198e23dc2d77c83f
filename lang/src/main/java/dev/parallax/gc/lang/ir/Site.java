package dev.parallax.gc.lang.ir;

import dev.parallax.gc.lang.ScriptException;
import dev.parallax.gc.lang.syntax.Pos;

/**
 * Where a node of a checked script is: its file, line and column, and the method it belongs to.
 * Runtime errors are raised through {@link #error}, so that every engine names the same place.
 *
 * @param method the method's name ({@code main}; a closure is {@code main/fn@12:9})
 */
public record Site(String file, Pos pos, String method) {
    /** A runtime error at this site. */
    public ScriptException error(String detail) {
        return new ScriptException(ScriptException.Kind.RUNTIME, file, pos, method, detail);
    }

    @Override
    public String toString() {
        return file + ":" + pos + " in " + method;
    }
}
