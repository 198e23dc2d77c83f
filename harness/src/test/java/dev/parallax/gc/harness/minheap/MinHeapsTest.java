package dev.parallax.gc.harness.minheap;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configuration whose runtime cannot be assembled is skipped, unless the user named it. */
class MinHeapsTest {
    /** Refused by the runtime when its first trial assembles it, as an impossible pairing would be. */
    private static final GcConfig UNASSEMBLABLE = GcConfig.defaults().withCollector("no-such-collector");
    /** A coarse search around small GCBench's minimum (336 KiB): three trials. */
    private static final HeapSearch SEARCH = new HeapSearch(128 << 10, 512 << 10, 1 << 20);

    @Test
    void aConfigurationThatCannotBeAssembledIsSkippedWithANote() {
        MinHeaps.Result result = MinHeaps.measure(List.of(UNASSEMBLABLE, GcConfig.defaults()), false, SEARCH,
                GcBenchParams.SMALL, 1, line -> { });
        assertEquals(1, result.rows().size());
        assertEquals("mark-sweep", result.rows().getFirst().config().collector());
        assertEquals(384 << 10, result.rows().getFirst().result().minBytes());
        assertEquals(1, result.skipped().size());
        assertTrue(result.skipped().getFirst().startsWith("skipped no-such-collector / precise+globals / low-bit / "
                + "allocation: unknown collector 'no-such-collector'"), result.skipped().toString());
    }

    @Test
    void aNamedConfigurationThatCannotBeAssembledIsRefused() {
        GcConfigException e = assertThrows(GcConfigException.class, () -> MinHeaps.measure(List.of(UNASSEMBLABLE),
                true, SEARCH, GcBenchParams.SMALL, 1, line -> { }));
        assertTrue(e.getMessage().startsWith("unknown collector 'no-such-collector'"), e.getMessage());
    }
}
