package dev.parallax.gc.toolkit.metadata;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** setRange marks exactly the units a range touches, whatever its length (its short ranges take a fast path). */
class SideBytesTest {
    private static final long BASE = 1L << 20;
    private static final int UNIT = 256;

    @Test
    void setRangeMarksExactlyTheUnitsARangeTouches() {
        long[][] ranges = {{10, 40}, {200, 300}, {255, 256}, {256, 512}, {100, 1000}, {0, 4 * UNIT}, {512, 520}};
        for (long[] r : ranges) {
            SideBytes lines = new SideBytes(BASE, BASE + 16 * UNIT, 8);
            lines.setRange(BASE + r[0], BASE + r[1], (byte) 3);
            for (int unit = 0; unit < 16; unit++) {
                long start = (long) unit * UNIT;
                boolean touched = start < r[1] && r[0] < start + UNIT;
                assertEquals(touched ? 3 : 0, lines.get(BASE + start), "unit " + unit + " for [" + r[0] + ", " + r[1] + ")");
            }
        }
    }

    @Test
    void anEmptyRangeMarksNothing() {
        SideBytes lines = new SideBytes(BASE, BASE + 16 * UNIT, 8);
        lines.setRange(BASE + 3 * UNIT, BASE + 3 * UNIT, (byte) 1);
        for (int unit = 0; unit < 16; unit++) {
            assertEquals(0, lines.get(BASE + (long) unit * UNIT), "unit " + unit);
        }
    }
}
