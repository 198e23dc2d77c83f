package dev.parallax.gc.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One phase within a pause, from its announcement to the next phase's (or the release). */
@Name(PhaseEvent.NAME)
@Label("Parallax Collection Phase")
@Category({"Parallax GC"})
@Description("One phase of a parallax-gc pause (GcPhase), from its announcement until the next phase "
        + "or the release; a phase announced twice in a pause (VERIFY in debug mode) is two events")
@StackTrace(false)
final class PhaseEvent extends Event {
    static final String NAME = "dev.parallax.gc.Phase";

    @Label("Collection Number")
    @CollectionNumber
    @Description("The pause this phase belongs to (the Collection event's number)")
    long collection;

    @Label("Phase")
    @Description("The GcPhase constant: STOP_REQUESTED, MUTATORS_STOPPED, PREPARE, MARK_ROOTS, TRACE_LIVE, "
            + "REFERENCES, COMPUTE_FORWARDING, UPDATE_REFERENCES, RELOCATE, SWEEP, RELEASE, VERIFY or RESTARTING")
    String phase;
}
