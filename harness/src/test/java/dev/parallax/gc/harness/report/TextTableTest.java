package dev.parallax.gc.harness.report;

import dev.parallax.gc.harness.report.TextTable.Column;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextTableTest {
    private static TextTable sample() {
        return new TextTable(List.of(Column.text("name"), Column.number("value"), Column.text("note")))
                .add("a", "1.5", "x")
                .add("longer", "12345.0", "");
    }

    @Test
    void alignsTextLeftAndNumbersRightAndStripsTrailingSpace() {
        assertEquals("""
                name      value  note
                ------  -------  ----
                a           1.5  x
                longer  12345.0
                """, sample().render());
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        TextTable table = new TextTable(List.of(Column.text("a"), Column.text("b"))).add("x, y", "say \"hi\"");
        assertEquals("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", table.csv());
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> sample().add("only one"));
    }

    @Test
    void formatsNumbersAndSizes() {
        assertEquals("-", TextTable.fixed(Double.NaN, 2));
        assertEquals("+0.50", TextTable.signed(0.5, 2));
        assertEquals("-1.0", TextTable.signed(-1, 1));
        assertEquals("131,071", TextTable.count(131_071));
        assertEquals("64 MiB", TextTable.binarySize(64L << 20));
        assertEquals("256 KiB", TextTable.binarySize(256 << 10));
        assertEquals("1000 bytes", TextTable.binarySize(1000));
    }
}
