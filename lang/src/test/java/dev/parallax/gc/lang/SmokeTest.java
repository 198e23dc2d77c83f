package dev.parallax.gc.lang;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmokeTest {
    @Test
    void aListIsBuiltAndWalked() {
        Run.Outcome o = Run.interp("""
                type Node { Node next; int value; }
                void main() {
                  Node head = null;
                  int i = 0;
                  while (i < 1000) {
                    Node n = alloc(Node);
                    n.value = i;
                    n.next = head;
                    head = n;
                    i = i + 1;
                  }
                  gc();
                  int sum = 0;
                  Node c = head;
                  while (c) { sum = sum + c.value; c = c.next; }
                  print("sum ", sum);
                  print(describe(head.next.next.next.next.next));
                }
                """);
        assertTrue(o.passed(), o::toString);
        assertEquals("sum 499500", o.output().lines().findFirst().orElseThrow());
    }
}
