package dev.parallax.gc.harness.report;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentilesTest {
    @Test
    void rawSamplesGiveOneStepPerDistinctValueWithExactLevels() {
        Percentiles p = Percentiles.ofNanos(new long[] {3_000, 1_000, 3_000, 2_000}, 1e3);
        assertEquals(4, p.count());
        assertEquals(3, p.steps());
        assertEquals(1.0, p.value(0));
        assertEquals(25.0, p.level(0));
        assertEquals(2.0, p.value(1));
        assertEquals(50.0, p.level(1));
        assertEquals(3.0, p.value(2));
        assertEquals(100.0, p.level(2));
        assertEquals(3.0, p.max());
    }

    @Test
    void aZeroSampleIsShownAsOneNanosecond() {
        Percentiles p = Percentiles.ofNanos(new long[] {0, 5}, 1);
        assertEquals(1.0, p.value(0), "a log axis cannot show 0");
        assertEquals(5.0, p.max());
    }

    @Test
    void histogramBucketsEndAtTheHundredthPercentileAndTheMaximum() {
        Histogram nanos = new Histogram(3);
        for (long v = 1; v <= 1000; v++) {
            nanos.recordValue(v * 1_000); // 1 us .. 1 ms
        }
        nanos.recordValue(30_000_000); // one 30 ms outlier
        Percentiles p = Percentiles.of(nanos, 1e6);
        assertEquals(1001, p.count());
        assertEquals(100.0, p.level(p.steps() - 1));
        assertEquals(30.0, p.max(), 30.0 * 1e-3, "within the histogram's 3 significant digits");
        for (int i = 1; i < p.steps(); i++) {
            assertTrue(p.value(i) > p.value(i - 1) && p.level(i) > p.level(i - 1), "ascending at step " + i);
        }
        assertEquals(1000.0 / 1001 * 100, p.level(p.steps() - 2), 1e-9, "the outlier alone is the last step");
    }

    @Test
    void nothingRecordedIsEmpty() {
        assertTrue(Percentiles.of(new Histogram(3), 1e6).isEmpty());
        assertTrue(Percentiles.ofNanos(new long[0], 1e3).isEmpty());
        assertTrue(Double.isNaN(Percentiles.EMPTY.max()));
    }
}
