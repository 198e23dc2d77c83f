package dev.parallax.gc.jit;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.jit.analysis.Liveness.SiteKind;
import dev.parallax.gc.jit.stackmap.StackMap;
import dev.parallax.gc.lang.Run;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the compiler records: one stack map per safepoint, holding exactly the references live across it. */
class StackMapsTest {
    private static final String TREES = """
            type Node { Node left; Node right; }
            Node makeTree(int depth) {
              if (depth <= 0) { return alloc(Node); }
              Node left = makeTree(depth - 1);
              Node right = makeTree(depth - 1);
              Node result = alloc(Node);
              result.left = left;
              result.right = right;
              return result;
            }
            int size(Node t) {
              if (!t) { return 0; }
              return 1 + size(t.left) + size(t.right);
            }
            void main() {
              Node t = makeTree(3);
              int i = 0;
              while (i < 3) {
                gc();
                i = i + 1;
              }
              print(size(t));
            }""";

    private static List<StackMap> compile(String safepoints, Jit jit) {
        Run.Outcome o = Run.run("trees.script", TREES, GcConfig.defaults().withHeapBytes(1L << 20)
                .withSafepoints(safepoints), jit);
        assertTrue(o.passed(), o::toString);
        assertEquals("15\n", o.output());
        return jit.lastStackMaps();
    }

    private static StackMap at(List<StackMap> maps, int line, SiteKind kind) {
        return maps.stream().filter(m -> m.site().pos().line() == line && m.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " safepoint at line " + line + " in " + maps));
    }

    private static BitSet slots(int... slots) {
        BitSet b = new BitSet();
        for (int s : slots) {
            b.set(s);
        }
        return b;
    }

    @Test
    void eachSafepointHoldsExactlyTheReferencesLiveAcrossIt() {
        List<StackMap> maps = compile("allocation", new Jit());
        assertEquals(slots(), at(maps, 3, SiteKind.ALLOCATION).slots(), "a leaf's allocation keeps nothing");
        assertEquals(slots(), at(maps, 4, SiteKind.CALL).slots(), "nothing is live across the first call");
        assertEquals(slots(0), at(maps, 5, SiteKind.CALL).slots(), "left is live across the second call");
        assertEquals(slots(0, 1), at(maps, 6, SiteKind.ALLOCATION).slots(), "left and right across the allocation");
        assertEquals(2, at(maps, 6, SiteKind.ALLOCATION).frameSlots(), "makeTree's frame: two slots");
        assertEquals(slots(0), at(maps, 13, SiteKind.CALL).slots(), "t is live across size(t.left)");
        assertEquals(slots(0), at(maps, 19, SiteKind.GC).slots(), "t is live across every gc() in the loop");
        assertEquals(slots(), at(maps, 16, SiteKind.CALL).slots(), "nothing before t is made");
        assertTrue(maps.stream().noneMatch(m -> m.kind() == SiteKind.BACK_EDGE || m.kind() == SiteKind.FUNCTION_ENTRY),
                "the allocation policy polls nowhere else: " + maps);
    }

    @Test
    void pollsArePlacedWhereThePolicyPolls() {
        List<StackMap> backEdge = compile("back-edge", new Jit());
        assertEquals(slots(0), at(backEdge, 18, SiteKind.BACK_EDGE).slots(), "t is live at the loop's back-edge");
        assertTrue(backEdge.stream().noneMatch(m -> m.kind() == SiteKind.FUNCTION_ENTRY), backEdge.toString());

        List<StackMap> entry = compile("function-entry", new Jit());
        assertEquals(3, entry.stream().filter(m -> m.kind() == SiteKind.FUNCTION_ENTRY).count(), entry.toString());
        assertEquals(slots(0), at(entry, 11, SiteKind.FUNCTION_ENTRY).slots(), "size's parameter t at its entry");
        assertTrue(entry.stream().noneMatch(m -> m.kind() == SiteKind.BACK_EDGE), entry.toString());

        List<StackMap> everywhere = compile("allocation", new Jit(Jit.Options.DEFAULT.withEverySitePolls(true)));
        assertEquals(3, everywhere.stream().filter(m -> m.kind() == SiteKind.FUNCTION_ENTRY).count());
        assertEquals(1, everywhere.stream().filter(m -> m.kind() == SiteKind.BACK_EDGE).count());
    }

    @Test
    void theCrossCheckPassesOnCorrectCodeUnderStress() {
        Run.Outcome o = Run.run("trees.script", TREES, GcConfig.defaults().withHeapBytes(1L << 20)
                .withCollector("mark-compact").withDebug(true)
                .withStress(dev.parallax.gc.api.StressMode.ALLOCATION, 1), new Jit());
        assertTrue(o.passed(), o::toString);
        assertTrue(o.result().stats().collections() > 15, o.result().stats().toString());
    }
}
