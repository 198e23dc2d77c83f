package dev.parallax.gc.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** An allocation refused with HeapExhaustedException, after a full collection could not make room. */
@Name(AllocationFailureEvent.NAME)
@Label("Parallax Out of Memory")
@Category({"Parallax GC"})
@Description("An allocation a parallax-gc heap refused with HeapExhaustedException: even after a full "
        + "collection the live data and the request do not fit; the heap figures are those after that collection")
final class AllocationFailureEvent extends Event {
    static final String NAME = "dev.parallax.gc.AllocationFailure";

    @Label("Mutator")
    @Description("The name of the mutator whose allocation was refused")
    String mutator;

    @Label("Collector")
    @Description("The collector strategy's name")
    String collector;

    @Label("Requested")
    @Description("Size of the refused object, header included")
    @DataAmount(DataAmount.BYTES)
    long requestedBytes;

    @Label("Heap Capacity")
    @DataAmount(DataAmount.BYTES)
    long capacityBytes;

    @Label("Used")
    @Description("Heap bytes in use after the full collection: the live data")
    @DataAmount(DataAmount.BYTES)
    long usedBytes;

    @Label("Free")
    @DataAmount(DataAmount.BYTES)
    long freeBytes;

    @Label("Largest Free Block")
    @Description("The largest contiguous free block; smaller than the request when fragmentation is to blame")
    @DataAmount(DataAmount.BYTES)
    long largestFreeBytes;
}
