package dev.parallax.gc.lang;

import dev.parallax.gc.lang.syntax.SourceFile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Syntax errors: file:line:col and what was expected. */
class SyntaxErrorsTest {
    private static ScriptException error(String text) {
        return assertThrows(ScriptException.class, () -> Scripts.check(new SourceFile("bad.script", text)));
    }

    private static void assertError(String text, String location, String message) {
        ScriptException e = error(text);
        assertEquals(ScriptException.Kind.SYNTAX, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.script:" + location + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage() + " should contain " + message);
    }

    @Test
    void aMissingSemicolonNamesWhatFollows() {
        assertError("void main() {\n  int x = 1\n  x = 2;\n}", "3:3", "expected ';' after the declaration of 'x', found name 'x'");
    }

    @Test
    void unclosedThingsNameWhereTheyOpened() {
        assertError("void main() {\n  print(\"x\");\n", "3:1", "expected '}' to close the body of method 'main' (opened at 1:13)");
        assertError("void main() { /* never closed\n }", "1:15", "comment is not closed");
        assertError("void main() { print(\"abc); }", "1:21", "string literal is not closed on its line");
    }

    @Test
    void badCharactersLiteralsAndEscapes() {
        assertError("void main() { int x = 1 # 2; }", "1:25", "unexpected character '#'");
        assertError("void main() { int x = 3000000000; }", "1:23", "integer 3000000000 is out of range");
        assertError("void main() { print(\"a\\qb\"); }", "1:23", "unknown escape '\\q'");
        assertError("void main() { int x = 1abc; }", "1:23", "a name cannot start with a digit");
    }

    @Test
    void statementsMustDoSomething() {
        assertError("void main() { 1 + 2; }", "1:15", "a statement must be a declaration, an assignment or a call");
        assertError("void main() { f() = 3; }", "1:15", "only a variable or a field can be assigned to");
        assertError("void main() { int x = 1 < 2 < 3; }", "1:29", "comparisons do not chain");
    }

    @Test
    void topLevelAndDeclarations() {
        assertError("void main() {} 42", "1:16", "expected an option, a type declaration or a method, found integer 42");
        assertError("option heap 4;", "1:13", "the option's value as a string");
        assertError("type T { }", "1:10", "expected a field type, found '}'");
        assertError("int f(int) { return 1; }", "1:10", "expected the parameter's name, found ')'");
        assertError("void f() intrinsic class \"C\" method 5;", "1:37", "the Java method name as a string");
    }

    @Test
    void theMinimumIntegerIsALiteral() {
        assertEquals("main", Scripts.check(new SourceFile("ok.script",
                "void main() { int x = -2147483648; }")).main().name());
    }
}
