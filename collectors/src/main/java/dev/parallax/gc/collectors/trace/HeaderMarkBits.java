package dev.parallax.gc.collectors.trace;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;

/**
 * Marks in the header's MARK bit. The collector's sweep (or relocation) clears each live object's
 * bit as it passes it, so {@link #clearAll} has nothing to do. Needed where the mutator allocates
 * marked objects (the incremental collector's black allocation ORs MARK into new headers).
 */
public final class HeaderMarkBits implements MarkBits {
    private final ObjectModel objects;

    public HeaderMarkBits(ObjectModel objects) {
        this.objects = objects;
    }

    @Override
    public boolean testAndMark(long object) {
        long status = objects.status(object);
        if ((status & HeaderLayout.MARK_BIT) != 0) {
            return false;
        }
        objects.setStatus(object, status | HeaderLayout.MARK_BIT);
        return true;
    }

    @Override
    public boolean isMarked(long object) {
        return objects.isMarked(object);
    }

    @Override
    public void clearAll() {
    }
}
