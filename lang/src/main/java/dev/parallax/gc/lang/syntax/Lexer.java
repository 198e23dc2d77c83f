package dev.parallax.gc.lang.syntax;

import dev.parallax.gc.lang.ScriptException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a script into tokens: names, integer and string literals, reserved words, separators and
 * operators; skips white space, {@code //} and {@code /* *}{@code /} comments. String literals take
 * the escapes {@code \"}, {@code \\}, {@code \n} and {@code \t}.
 */
public final class Lexer {
    private static final Map<String, TokenKind> KEYWORDS = keywords();

    private final SourceFile source;
    private final String text;
    private int at;
    private int line = 1;
    private int lineStart;

    private Lexer(SourceFile source) {
        this.source = source;
        this.text = source.text();
    }

    /** The tokens of {@code source}, ending with {@link TokenKind#EOF}. @throws ScriptException on a bad character */
    public static List<Token> tokens(SourceFile source) {
        return new Lexer(source).all();
    }

    private List<Token> all() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            Pos pos = pos();
            if (at >= text.length()) {
                out.add(new Token(TokenKind.EOF, "", pos));
                return out;
            }
            char c = text.charAt(at);
            if (Character.isLetter(c) || c == '_') {
                int start = at;
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                    at++;
                }
                String word = text.substring(start, at);
                out.add(new Token(KEYWORDS.getOrDefault(word, TokenKind.IDENT), word, pos));
            } else if (c >= '0' && c <= '9') {
                int start = at;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                if (at < text.length() && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '_')) {
                    throw error(pos, "a name cannot start with a digit: '" + text.substring(start, at + 1) + "'");
                }
                out.add(new Token(TokenKind.INT, text.substring(start, at), pos));
            } else if (c == '"') {
                out.add(new Token(TokenKind.STRING, string(pos), pos));
            } else {
                TokenKind kind = operator(pos);
                out.add(new Token(kind, kind.text(), pos));
            }
        }
    }

    private TokenKind operator(Pos pos) {
        char c = text.charAt(at);
        char next = at + 1 < text.length() ? text.charAt(at + 1) : '\0';
        TokenKind two = switch ("" + c + next) {
            case "<=" -> TokenKind.LE;
            case ">=" -> TokenKind.GE;
            case "==" -> TokenKind.EQ;
            case "!=" -> TokenKind.NE;
            case "&&" -> TokenKind.AND;
            case "||" -> TokenKind.OR;
            case "->" -> TokenKind.ARROW;
            default -> null;
        };
        if (two != null) {
            at += 2;
            return two;
        }
        TokenKind one = switch (c) {
            case '(' -> TokenKind.LPAREN;
            case ')' -> TokenKind.RPAREN;
            case '{' -> TokenKind.LBRACE;
            case '}' -> TokenKind.RBRACE;
            case '[' -> TokenKind.LBRACKET;
            case ']' -> TokenKind.RBRACKET;
            case ';' -> TokenKind.SEMI;
            case ',' -> TokenKind.COMMA;
            case '.' -> TokenKind.DOT;
            case '=' -> TokenKind.ASSIGN;
            case '<' -> TokenKind.LT;
            case '>' -> TokenKind.GT;
            case '!' -> TokenKind.BANG;
            case '+' -> TokenKind.PLUS;
            case '-' -> TokenKind.MINUS;
            case '*' -> TokenKind.STAR;
            case '/' -> TokenKind.SLASH;
            case '%' -> TokenKind.PERCENT;
            default -> null;
        };
        if (one == null) {
            String shown = Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
            throw error(pos, "unexpected character '" + shown + "'");
        }
        at++;
        return one;
    }

    /** A string literal from the opening quote at {@code at}; returns its value. */
    private String string(Pos start) {
        StringBuilder value = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length() || text.charAt(at) == '\n') {
                throw error(start, "string literal is not closed on its line");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                char e = at < text.length() ? text.charAt(at++) : '\0';
                switch (e) {
                    case '"' -> value.append('"');
                    case '\\' -> value.append('\\');
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    default -> throw error(new Pos(line, at - 1 - lineStart), "unknown escape '\\" + e
                            + "' in a string (use \\\", \\\\, \\n or \\t)");
                }
            } else {
                value.append(c);
            }
        }
    }

    private void skipSpaceAndComments() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                at++;
                line++;
                lineStart = at;
            } else if (Character.isWhitespace(c)) {
                at++;
            } else if (text.startsWith("//", at)) {
                while (at < text.length() && text.charAt(at) != '\n') {
                    at++;
                }
            } else if (text.startsWith("/*", at)) {
                Pos start = pos();
                at += 2;
                while (!text.startsWith("*/", at)) {
                    if (at >= text.length()) {
                        throw error(start, "comment is not closed (missing */)");
                    }
                    if (text.charAt(at) == '\n') {
                        line++;
                        lineStart = at + 1;
                    }
                    at++;
                }
                at += 2;
            } else {
                return;
            }
        }
    }

    private Pos pos() {
        return new Pos(line, at - lineStart + 1);
    }

    private ScriptException error(Pos pos, String message) {
        return new ScriptException(ScriptException.Kind.SYNTAX, source.name(), pos, null, message);
    }

    private static Map<String, TokenKind> keywords() {
        Map<String, TokenKind> map = new java.util.HashMap<>();
        for (TokenKind k : TokenKind.values()) {
            if (k.text() != null && Character.isLetter(k.text().charAt(0))) {
                map.put(k.text(), k);
            }
        }
        return Map.copyOf(map);
    }
}
