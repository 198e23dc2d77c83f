package dev.parallax.gc.lang.syntax;

/** What a token is. Keywords are reserved; {@code class}, {@code method} and {@code signature} are not. */
public enum TokenKind {
    IDENT, INT, STRING, EOF,
    // reserved words
    IF("if"), ELIF("elif"), ELSE("else"), WHILE("while"), RETURN("return"), TRUE("true"), FALSE("false"),
    NULL("null"), ALLOC("alloc"), TYPE("type"), FN("fn"), INTRINSIC("intrinsic"), OPTION("option"),
    // separators
    LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"), LBRACKET("["), RBRACKET("]"), SEMI(";"), COMMA(","),
    DOT("."), ARROW("->"),
    // operators
    ASSIGN("="), LT("<"), GT(">"), LE("<="), GE(">="), EQ("=="), NE("!="), BANG("!"), AND("&&"), OR("||"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%");

    private final String text;

    TokenKind() {
        this.text = null;
    }

    TokenKind(String text) {
        this.text = text;
    }

    /** The token's fixed spelling, or null for identifiers, literals and the end. */
    public String text() {
        return text;
    }

    /** For messages: {@code ';'}, {@code 'while'}, {@code a name}. */
    public String describe() {
        return switch (this) {
            case IDENT -> "a name";
            case INT -> "an integer";
            case STRING -> "a string";
            case EOF -> "the end of the script";
            default -> "'" + text + "'";
        };
    }
}
