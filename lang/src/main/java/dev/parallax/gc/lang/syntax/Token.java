package dev.parallax.gc.lang.syntax;

/**
 * One token of a script.
 *
 * @param kind  what it is
 * @param text  its spelling (a string literal's value without quotes, escapes resolved)
 * @param pos   where it starts
 */
public record Token(TokenKind kind, String text, Pos pos) {
    /** For messages: {@code 'while'}, {@code name 'foo'}, {@code the end of the script}. */
    public String describe() {
        return switch (kind) {
            case IDENT -> "name '" + text + "'";
            case INT -> "integer " + text;
            case STRING -> "string \"" + text + "\"";
            case EOF -> "the end of the script";
            default -> "'" + kind.text() + "'";
        };
    }
}
