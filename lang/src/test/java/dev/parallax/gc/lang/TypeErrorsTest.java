package dev.parallax.gc.lang;

import dev.parallax.gc.lang.syntax.SourceFile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors the checker finds before a script runs, at file:line:col. */
class TypeErrorsTest {
    private static void assertError(String text, String location, String message) {
        ScriptException e = assertThrows(ScriptException.class,
                () -> Scripts.check(new SourceFile("bad.script", text)));
        assertEquals(ScriptException.Kind.TYPE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.script:" + location + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage() + " should contain " + message);
    }

    @Test
    void namesMustBeKnown() {
        assertError("void main() { x = 1; }", "1:15", "unknown variable 'x'");
        assertError("void main() { foo(1); }", "1:15", "unknown method 'foo'");
        assertError("void main() { int rnd = randon(1, 2); }", "1:25", "did you mean 'random'?");
        assertError("void main() { Tree t; }", "1:15", "unknown type 'Tree'");
        assertError("int f() { return 1; } void main() { int x = f; }", "1:45", "'f' is a method; call it as f(...)");
        assertError("void f() {}", "1:1", "the script has no main() method");
        assertError("void main(int x) {}", "1:1", "main() must take no parameters");
    }

    @Test
    void declarationsMustBeUnique() {
        assertError("void main() { int x; { object x; } }", "1:24", "variable 'x' is already declared at 1:15");
        assertError("void f(int a, int a) {} void main() {}", "1:15", "parameter 'a' is already declared");
        assertError("void f() {} void f() {} void main() {}", "1:13", "method 'f' is declared twice (first at 1:1)");
        assertError("type T { int a; } type T { int b; } void main() {}", "1:19", "type 'T' is declared twice");
        assertError("type T { int a; int a; } void main() {}", "1:17", "field 'a' is declared twice");
        assertError("int gc() { return 1; } void main() {}", "1:1", "has the name of a built-in");
        assertError("type object { int a; } void main() {}", "1:1", "'object' is a built-in type");
    }

    @Test
    void typesMustMatch() {
        assertError("void main() { int x = \"a\"; }", "1:23", "expected an int, found a string");
        assertError("void main() { object o = 5; }", "1:26", "expected an object, found an int");
        assertError("void main() { int x = 1 + true; }", "1:27", "the operands of '+': expected an int, found a boolean");
        assertError("void main() { boolean b = 1 == alloc(1, 0); }", "1:29", "cannot compare an int with an object");
        assertError("void main() { string s; if (s) { } }", "1:29", "a condition must be a boolean, an int or a reference");
        assertError("int f() { return; } void main() {}", "1:11", "'return' needs a value");
        assertError("void f() { return 1; } void main() {}", "1:12", "returns nothing; 'return' takes no value");
        assertError("void f(int a) {} void main() { f(); }", "1:32", "method 'f' takes 1 argument, not 0");
        assertError("void main() { gc(1); }", "1:15", "gc takes no arguments, not 1");
    }

    @Test
    void fieldsAreCheckedAgainstTheirType() {
        assertError("type T { int a; } void main() { T t = alloc(T); t.b = 1; }", "1:50", "type 'T' has no field 'b'");
        assertError("void main() { object o = alloc(1, 1); o.next = null; }", "1:40",
                "field 'next' needs a value of a declared type, not an object");
        assertError("void main() { object o = alloc(1, 1); o.long[0] = 1; }", "1:40",
                "indexed fields are '.object[i]' and '.int[i]'");
        assertError("void main() { int i = 1; int j = i.int[0]; }", "1:34", "'.int[...]' needs an object, not an int");
        assertError("type T { string s; } void main() {}", "1:10", "field 's' cannot be a string");
        assertError("void main() { object o = alloc(-1, 2); }", "1:26", "counts cannot be negative");
        assertError("void main() { object o = alloc(1); }", "1:26", "alloc takes a declared type");
    }

    @Test
    void closuresAndStatementsHaveTheirRules() {
        assertError("void main() { string s = \"x\"; fn() f = fn() { print(s); }; }", "1:53",
                "a closure cannot capture string variable 's'");
        assertError("void main() { int f = 1; f(); }", "1:26", "'f' is a variable of type int, not a function");
        assertError("void main() { fn(int) f = fn(int x) { }; f(); }", "1:42", "function 'f' takes 1 argument, not 0");
        assertError("void main() { int x = print(\"a\"); }", "1:23", "print is a statement; it has no value");
        assertError("void main() { expect(Timeout); }", "1:15", "expect takes one expectation: expect(OutOfMemory)");
        assertError("void main() { spawn(nothing); }", "1:21", "unknown method 'nothing' in spawn");
    }

    @Test
    void lessCommonMistakesAreNamedToo() {
        assertError("void main() { void v; }", "1:15", "'void' is only a method's result type");
        assertError("void f() {} void main() { string s = \"a\" + f(); }", "1:42",
                "a call that returns nothing cannot be part of a string");
        assertError("void f() {} void main() { print(f()); }", "1:33", "this call returns nothing, so it cannot be printed");
        assertError("void f() {} void main() { string s = describe(f()); }", "1:47", "cannot be described");
        assertError("void main() { object o = alloc(1, 2, 3, 4); }", "1:26", "found 4 arguments");
        assertError("void main() { object o = alloc(1, 2, \"x\"); }", "1:38", "the alignment flag of alloc is a boolean");
        assertError("void main() { int x = -true; }", "1:24", "the operand of '-': expected an int");
        assertError("void main() { spawn(1); }", "1:15", "spawn takes a method name and its arguments");
        assertError("int f(int x) intrinsic class \"C\" method \"m\"; void main() { spawn(f, 1); }", "1:66",
                "spawn cannot start intrinsic 'f'");
        assertError("void main() { assert(); }", "1:15", "assert takes a condition");
        assertError("type T { int a; } void main() { int x = T; }", "1:41", "'T' is a type, not a variable");
        assertError("object f() intrinsic class \"C\" method \"m\"; void main() {}", "1:1",
                "intrinsics return int, boolean, string or nothing");
        assertError("type T { int object; } void main() {}", "1:10", "a field cannot be called 'object'");
        assertError("void main() { box b = box(1); int x = b.int[0]; }", "1:39", "'.int[...]' needs an object, not a box");
        assertError("void main() { fn(Tree) -> int f = null; }", "1:18", "unknown type 'Tree'");
    }

    @Test
    void referenceTypesAreChecked() {
        assertError("void main() { weakref w = softRef(null); }", "1:27", "expected a weakref, found a softref");
        assertError("void main() { object o = getPhantomReferent(weakRef(null)); }", "1:45",
                "expected a phantomref, found a weakref");
        assertError("type weakref { int x; } void main() {}", "1:1", "'weakref' is a built-in type");
    }

    @Test
    void intrinsicsTakeOnlyValuesThatAreNotAddresses() {
        assertError("int f(object o) intrinsic class \"C\" method \"m\"; void main() {}", "1:1",
                "intrinsics take int, boolean and string values");
        assertError("int f(int a) intrinsic class \"C\" method \"m\" signature (\"long\"); void main() {}", "1:14",
                "parameter 1 is int (Java int) but the signature says long");
        assertError("int f(int a) intrinsic class \"C\" method \"m\" signature (); void main() {}", "1:14",
                "has 1 parameters but its signature names 0 Java types");
    }
}
