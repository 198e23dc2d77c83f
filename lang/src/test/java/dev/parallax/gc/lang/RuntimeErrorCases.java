package dev.parallax.gc.lang;

import java.util.List;

/**
 * Scripts that fail while running, with the message each must give (script, line, column, method,
 * what went wrong); shared by the interpreter's tests and the engines' agreement tests.
 */
public final class RuntimeErrorCases {
    /** One failing script and the text its failure must contain. */
    public record Case(String name, String script, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final List<Case> ALL = List.of(
            new Case("null dereference of a named field", """
                    type T { T next; int v; }
                    void main() {
                      T t = alloc(T);
                      int x = t.next.v;
                    }""", "test.script:4:17: in method 'main': null dereference: reading field 'v' of null"),
            new Case("null dereference of an indexed field", """
                    void main() {
                      object o = null;
                      o.object[0] = null;
                    }""", "test.script:3:3: in method 'main': null dereference: writing .object[0] of null"),
            new Case("field index out of range", """
                    void walk(object o, int i) {
                      print(o.int[i]);
                    }
                    void main() {
                      walk(alloc(1, 2), 2);
                    }""", "test.script:2:10: in method 'walk': field index out of range: .int[2] of a object/1/2, "
                    + "which has 2 int fields"),
            new Case("negative field index", """
                    void main() {
                      object o = alloc(3, 0);
                      object p = o.object[-1];
                    }""", "test.script:3:15: in method 'main': field index out of range: .object[-1]"),
            new Case("indexed field of a box", """
                    void main() {
                      object b = box(3);
                      int x = b.int[0];
                    }""", "test.script:3:12: in method 'main': reading .int[0] of a box, which has no indexed fields"),
            new Case("failed assertion with its message", """
                    void main() {
                      int x = 3;
                      assert(x == 4, "x is ", x, ", not ", 4);
                    }""", "test.script:3:3: in method 'main': assertion failed: x is 3, not 4"),
            new Case("division by zero", """
                    int div(int a, int b) { return a / b; }
                    void main() { print(div(1, 0)); }""", "test.script:1:34: in method 'div': division by zero"),
            new Case("a cast that fails", """
                    type A { int a; }
                    type B { int b; }
                    void main() {
                      object o = alloc(B);
                      A a = o;
                    }""", "test.script:5:9: in method 'main': a B is not a A"),
            new Case("a declared field keeps its type through indexed stores", """
                    type A { A next; }
                    void main() {
                      A a = alloc(A);
                      a.object[0] = alloc(1, 0);
                    }""", "test.script:4:3: in method 'main': a object/1/0 is not a A"),
            new Case("calling a null function value", """
                    void main() {
                      fn(int) -> int f = null;
                      int x = f(1);
                    }""", "test.script:3:11: in method 'main': null dereference: calling a function value of null"),
            new Case("a method that ends without its result", """
                    int f(int x) {
                      if (x > 0) { return x; }
                    }
                    void main() { print(f(-1)); }""", "test.script:1:1: in method 'f': method 'f' ended without "
                    + "returning its int"),
            new Case("unboxing something else", """
                    void main() {
                      object o = alloc(1, 1);
                      print(unbox(o));
                    }""", "test.script:3:9: in method 'main': unbox of a object/1/1, which is not a box"),
            new Case("random with its bounds reversed", """
                    void main() { print(random(5, 1)); }""", "test.script:1:21: in method 'main': random(5, 1): the "
                    + "low bound is above the high one"),
            new Case("an error inside a closure names the closure", """
                    void main() {
                      fn(int) -> int f = fn(int x) -> int { return 10 / x; };
                      print(f(0));
                    }""", "test.script:2:51: in method 'main/fn@2:22': division by zero"),
            new Case("alloc with a negative count at run time", """
                    void main() {
                      int n = -3;
                      object o = alloc(n, 1);
                    }""", "test.script:3:14: in method 'main': alloc(-3, 1): counts cannot be negative"),
            new Case("an intrinsic that is not registered", """
                    int twice(int x) intrinsic class "no.such.Class" method "twice" signature ("int");
                    void main() { print(twice(2)); }""", "test.script:2:21: in method 'main': intrinsic 'twice' is "
                    + "bound to no.such.Class.twice(int), which is not registered"),
            new Case("an expected out-of-memory that never came", """
                    void main() {
                      expect(OutOfMemory);
                      object o = alloc(1, 1);
                    }""", "thread 0 finished without running out of memory, which expect(OutOfMemory) asked for"),
            new Case("an unexpected out-of-memory", """
                    option heap "128k";
                    void main() {
                      object all = null;
                      while (true) {
                        object o = alloc(1, 30);
                        o.object[0] = all;
                        all = o;
                      }
                    }""", "thread 0 ran out of memory: "),
            new Case("recursion without end", """
                    int down(int n) { return down(n + 1) + 1; }
                    void main() { print(down(0)); }""", "thread 0: stack overflow"),
            new Case("a spawned thread's failure fails the script", """
                    worker(int n) { assert(n == 2, "worker got ", n); }
                    void main() { spawn(worker, 3); }""", "test.script:1:17: in method 'worker': assertion failed: "
                    + "worker got 3"));

    private RuntimeErrorCases() {
    }
}
