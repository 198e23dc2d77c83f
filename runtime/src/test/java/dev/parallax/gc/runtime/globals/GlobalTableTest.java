package dev.parallax.gc.runtime.globals;

import dev.parallax.gc.api.GlobalRoot;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.roots.GlobalRootsView;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobalTableTest {
    private GcRuntimeImpl runtime;
    private GlobalTable table;

    @BeforeEach
    void start() {
        runtime = TestRuntimes.create(TestRuntimes.small().withGlobalCells(70));
        table = assertInstanceOf(GlobalTable.class, runtime.globals());
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private boolean registered(int cell) {
        return (table.registeredMap(cell >>> 6) & (1L << cell)) != 0;
    }

    @Test
    void registeredCellsAreInTheBitmapAndHoldTheirWords() {
        GlobalRoot a = table.register("a");
        GlobalRoot b = table.register("b");
        assertEquals(2, table.registered());
        assertEquals(0, a.get());
        b.set(runtime.tags().tagSmallInt(5));
        assertEquals(runtime.tags().tagSmallInt(5), table.cells().get(ValueLayout.JAVA_LONG, 8));
        assertTrue(registered(0) && registered(1) && !registered(2));
        assertEquals("b", table.nameOf(1));
        assertEquals(70, ((GlobalRootsView) table).capacity());
    }

    @Test
    void aFullTableSaysItsCapacityAndFreedCellsAreReused() {
        List<GlobalRoot> all = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            all.add(table.register("g" + i));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> table.register("one-more"));
        assertTrue(e.getMessage().contains("70 cells"), e.getMessage());
        all.get(65).set(99);
        all.get(65).unregister();
        assertEquals(0, table.cells().get(ValueLayout.JAVA_LONG, 65 * 8), "a freed cell is cleared");
        GlobalRoot again = table.register("again");
        assertEquals(0, again.get());
        assertTrue(registered(65));
        assertEquals("again", table.nameOf(65));
        assertEquals(70, table.registered());
    }

    @Test
    void anUnregisteredHandleThrows() {
        GlobalRoot a = table.register("a");
        a.unregister();
        for (Runnable use : List.<Runnable>of(a::get, () -> a.set(1), a::ref, () -> a.setRef(0), a::unregister)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use::run);
            assertEquals("global 'a' was unregistered", e.getMessage());
        }
    }

    @Test
    void globalsAreRootsAndRefsAreUntagged() {
        GlobalRoot g = table.register("list");
        try (Mutator m = runtime.attach("m")) {
            m.pushFrame(1);
            long box = m.boxLong(31);
            g.setRef(box);
            assertEquals(box, g.ref());
            m.collect();
            for (int i = 0; i < 200_000; i++) {
                m.boxLong(i);                   // garbage that would reuse the box's memory if it were freed
            }
            assertEquals(31, m.unboxLong(g.ref()));
            g.set(runtime.tags().tagSmallInt(1));
            IllegalStateException e = assertThrows(IllegalStateException.class, g::ref);
            assertTrue(e.getMessage().contains("global 'list'"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> g.setRef(16));
        }
    }
}
