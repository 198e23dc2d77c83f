package dev.parallax.gc.collectors.marksweep;

import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.collectors.CollectorContractTest;

/** The collector contract with marks in the header's MARK bit and the cell-walking sweep (mark-sweep.marks=header). */
class MarkSweepHeaderMarksTest extends CollectorContractTest {
    @Override
    protected Collector newCollector() {
        return new MarkSweepCollector(MarkSweepCollector.Marks.HEADER);
    }
}
