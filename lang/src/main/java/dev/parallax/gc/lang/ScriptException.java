package dev.parallax.gc.lang;

import dev.parallax.gc.lang.syntax.Pos;

/**
 * An error in a script, found when it is read ({@link Kind#SYNTAX}), checked ({@link Kind#TYPE}) or
 * run ({@link Kind#RUNTIME}). The message starts with {@code file:line:col:}; a runtime error also
 * names the method it happened in: {@code lists.script:12:9: in method 'rotate': null dereference ...}.
 */
public final class ScriptException extends RuntimeException {
    /** When the error was found. */
    public enum Kind { SYNTAX, TYPE, RUNTIME }

    private final Kind kind;
    private final String file;
    private final Pos pos;
    private final String method;
    private final String detail;

    /**
     * @param method the method the error is in, or null (syntax errors, declarations)
     * @param detail what is wrong, without the location
     */
    public ScriptException(Kind kind, String file, Pos pos, String method, String detail) {
        super(file + ":" + pos + ": " + (method == null ? "" : "in method '" + method + "': ") + detail);
        this.kind = kind;
        this.file = file;
        this.pos = pos;
        this.method = method;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    public String file() {
        return file;
    }

    public Pos pos() {
        return pos;
    }

    /** The method the error happened in, or null. */
    public String method() {
        return method;
    }

    /** What is wrong, without the location. */
    public String detail() {
        return detail;
    }
}
