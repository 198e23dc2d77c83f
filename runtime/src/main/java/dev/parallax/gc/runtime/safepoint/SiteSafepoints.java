package dev.parallax.gc.runtime.safepoint;

import dev.parallax.gc.api.safepoint.SafepointPolicy;
import dev.parallax.gc.api.safepoint.SafepointSite;

/**
 * A policy that polls at one kind of declared site, every N-th one, plus explicit polls (which
 * always poll). The built-in policies differ only in that site; each subclass names itself and
 * says what its site costs and buys.
 */
public abstract class SiteSafepoints implements SafepointPolicy {
    private final String name;
    private final SafepointSite site;
    private final int interval;

    protected SiteSafepoints(String name, SafepointSite site, int interval) {
        this.name = name;
        this.site = site;
        this.interval = SafepointInterval.check(interval);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean pollsAt(SafepointSite s) {
        return s == site || s == SafepointSite.EXPLICIT;
    }

    @Override
    public final int pollInterval(SafepointSite s) {
        return s == site ? interval : 1;
    }
}
