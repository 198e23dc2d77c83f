package dev.parallax.gc.api.roots;

/**
 * A place where references into the heap live outside the heap: mutator stacks (precisely, through
 * stack maps, or conservatively), registered globals, Ref-node cells of the interaction-net runtime.
 * A runtime has a set of root sources; a collection asks each in turn.
 *
 * <p>Contract: {@link #scanRoots} runs with the world stopped, reports every slot it holds exactly
 * once per call (a slot reported twice would be updated twice by a moving collector), may report a
 * pinning root more than once (collectors treat that as one), reports only slots and valid object
 * starts, and does not allocate per root. Cost: proportional to what it scans
 * (live stack words, registered globals).
 */
public interface RootSource {
    /** The name by which configs select this source (e.g. {@code precise}, {@code globals}). */
    String name();

    /**
     * Whether this source reports {@link RootVisitor#visitPinningRoot pinning roots}. A collector
     * that moves objects can be paired with such a source only if it supports pinning.
     */
    boolean reportsPinningRoots();

    void scanRoots(RootScanContext context, RootVisitor visitor);
}
