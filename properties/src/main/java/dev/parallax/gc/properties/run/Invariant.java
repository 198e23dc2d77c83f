package dev.parallax.gc.properties.run;

/** The properties a runtime must keep for every program; each names itself in violation messages. */
public enum Invariant {
    /**
     * The graph reachable from the roots (innermost frame's slots in order, then the globals) has
     * the same objects as the model, with the same kinds, shapes, code ids, lengths, raw words and
     * immediates, and the same reference structure (sharing and cycles included).
     */
    GRAPH_EQUIVALENCE("graph-equivalence"),
    /** With precise roots, a full collection leaves in use exactly the bytes of the reachable objects. */
    COMPLETE_RECLAMATION("complete-reclamation"),
    /** An object keeps the id it was allocated with for as long as it is reachable, and no two share one. */
    IDENTITY_STABILITY("identity-stability"),
    /**
     * Every object that disappears from the heap in a pause (a full collection or an increment) was
     * unreachable in the model at that moment. With conservative roots this is the reclamation
     * property that holds (false retention is allowed; reclaiming a reachable object is not).
     */
    ONLY_UNREACHABLE_RECLAIMED("only-unreachable-reclaimed"),
    /**
     * With conservative stack roots, every object a live stack word names (its start or an interior
     * address, decoded as the root source decodes) survives the pause at the same address.
     */
    STACK_NAMED_SURVIVE("stack-named-survive"),
    /** An object the program pinned keeps its address across every pause it survives. */
    PINNED_STAY("pinned-stay"),
    /**
     * After a sliding compaction with nothing pinned and only precise roots, the surviving objects
     * are contiguous from the heap base (all free space is one block at the end).
     */
    COMPACTION_CONTIGUOUS("compaction-contiguous"),
    /** No mutator touches the heap while a collection runs (the debug runtime refuses such accesses). */
    MUTATOR_ISOLATION("mutator-isolation"),
    /** The runtime executes every program: no exception (verifier failure, corrupt heap, refused access). */
    NO_RUNTIME_ERROR("no-runtime-error"),
    /** Every mutator thread of a concurrent run finishes in time (no deadlock, no lost wake-up). */
    PROGRESS("progress");

    private final String label;

    Invariant(String label) {
        this.label = label;
    }

    /** The name used in reports, e.g. {@code graph-equivalence}. */
    public String label() {
        return label;
    }
}
