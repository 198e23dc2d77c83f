package dev.parallax.gc.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** One stop-the-world pause; its duration is the pause, from the stop request to the release. */
@Name(CollectionEvent.NAME)
@Label("Parallax Collection")
@Category({"Parallax GC"})
@Description("One stop-the-world pause of a parallax-gc heap: a full collection or an increment of an "
        + "incremental cycle; the duration runs from the stop request until the mutators are released")
final class CollectionEvent extends Event {
    static final String NAME = "dev.parallax.gc.Collection";

    @Label("Collection Number")
    @CollectionNumber
    @Description("Sequence number of the pause in its runtime, from 1")
    long number;

    @Label("Collector")
    @Description("The collector strategy's name")
    String collector;

    @Label("Reason")
    @Description("Why the pause ran, e.g. allocation failure, increment, requested, step, stress")
    String reason;

    @Label("Pause Kind")
    @Description("full: a whole collection; increment: one bounded step of an incremental cycle; young: a "
            + "generational minor collection (or what else the collector named)")
    String pauseKind;

    @Label("Time to Safepoint")
    @Description("From the stop request until every mutator was parked or blocked")
    @Timespan(Timespan.NANOSECONDS)
    long timeToSafepoint;

    @Label("Used Before")
    @Description("Heap bytes in use when the mutators stopped (retired buffer tails count as free)")
    @DataAmount(DataAmount.BYTES)
    long usedBefore;

    @Label("Used After")
    @Description("Heap bytes in use after the pause: the live bytes after a full collection")
    @DataAmount(DataAmount.BYTES)
    long usedAfter;

    @Label("Live Objects")
    @Description("Objects found reachable; -1 when the pause does not know (an increment outside debug mode)")
    long liveObjects;

    @Label("Pinned Objects")
    @Description("Distinct objects named by pinning (conservative) roots in this pause")
    long pinnedObjects;
}
