package dev.parallax.gc.jit;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.lang.Run;
import dev.parallax.gc.lang.interp.Interpreter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitSmokeTest {
    private static final String LIST = """
            type Node { Node next; int value; }
            Node build(int n) {
              Node head = null;
              int i = 0;
              while (i < n) {
                Node x = alloc(Node);
                x.value = i;
                x.next = head;
                head = x;
                i = i + 1;
              }
              return head;
            }
            void main() {
              Node head = build(2000);
              gc();
              int sum = 0;
              Node c = head;
              while (c) { sum = sum + c.value; c = c.next; }
              fn(int) -> int add = fn(int x) -> int { return x + sum; };
              print("sum ", sum, " ", add(1), " ", hash(head) == hash(head));
              print(describe(head.next.next));
              object o = alloc(2, 1);
              o.object[0] = head;
              o.int[0] = 7;
              print(describe(o.object[0] == head, o.int[0], box(5), boxDouble(1, 4)));
            }
            """;

    @Test
    void compiledAndInterpretedPrintTheSame() {
        GcConfig config = GcConfig.defaults().withHeapBytes(1L << 20).withCollector("mark-compact").withDebug(true);
        Run.Outcome interp = Run.run("list.script", LIST, config, new Interpreter());
        Run.Outcome jit = Run.run("list.script", LIST, config, new Jit());
        assertTrue(interp.passed(), interp::toString);
        assertTrue(jit.passed(), jit::toString);
        assertEquals(interp.output(), jit.output());
    }
}
