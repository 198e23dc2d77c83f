package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.roots.MutatorStackView;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A mutator's explicit stack: off-heap words holding frames, plus the stack map (one bit per word,
 * set for reference slots). Laid out as {@link MutatorStackView} documents: frames pushed from word
 * 0 upwards, each a header word {@code previousFrameWord << 32 | slotCount} followed by its slots
 * (the first frame's previous-frame field is 0).
 *
 * <p>Invariants: map bits are clear at and above {@link #topWord()} and on every header word; the
 * innermost frame's header is at {@code frameWord}, its slots at {@code frameWord + 1 ..}.
 * Owned by one thread; read by the collector only while that thread is stopped.
 */
public final class ExplicitStack implements MutatorStackView {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;
    private static final long SLOT_COUNT_MASK = 0xFFFF_FFFFL;

    private final String mutatorName;
    private final Arena arena;
    private final MemorySegment words;
    private final int capacity;
    private final long[] map;
    private int top;
    private int frameWord;
    private int frameSlots;
    private int depth;

    public ExplicitStack(String mutatorName, int capacityWords) {
        this.mutatorName = mutatorName;
        this.capacity = capacityWords;
        this.arena = Arena.ofShared();
        this.words = arena.allocate((long) capacityWords * 8, 8);
        this.map = new long[(capacityWords + 63) >>> 6];
    }

    // ---- frames -------------------------------------------------------------------------------

    public void pushFrame(int slots) {
        if (slots < 0) {
            throw new IllegalArgumentException("mutator '" + mutatorName + "': cannot push a frame of " + slots + " slots");
        }
        long end = (long) top + 1 + slots;
        if (end > capacity) {
            throw new IllegalStateException("mutator '" + mutatorName + "': stack overflow pushing a frame of " + slots
                    + " slots (stack holds " + capacity + " words)");
        }
        int header = top;
        words.set(WORD, (long) header << 3, ((long) frameWord << 32) | slots);
        for (long w = header + 1; w < end; w++) {
            words.set(WORD, w << 3, 0L);
        }
        // no map update: bits at and above top are clear (the invariant), so the new frame's are
        frameWord = header;
        frameSlots = slots;
        top = (int) end;
        depth++;
    }

    public void popFrame() {
        if (depth == 0) {
            throw new IllegalStateException("mutator '" + mutatorName + "': popFrame with no frame pushed");
        }
        clearMap(frameWord, top);
        top = frameWord;
        depth--;
        int previous = (int) (words.get(WORD, (long) frameWord << 3) >>> 32);
        frameWord = depth == 0 ? 0 : previous;
        frameSlots = depth == 0 ? 0 : (int) (words.get(WORD, (long) previous << 3) & SLOT_COUNT_MASK);
    }

    public int depth() {
        return depth;
    }

    // ---- slots of the innermost frame ---------------------------------------------------------

    /** Stores {@code word} in {@code slot}; {@code reference} sets or clears its stack-map bit. */
    public void store(int slot, long word, boolean reference) {
        int w = wordOf(slot);
        words.set(WORD, (long) w << 3, word);
        long bit = 1L << w;
        int i = w >>> 6;
        map[i] = (map[i] & ~bit) | (reference ? bit : 0L);
    }

    public long load(int slot) {
        return words.get(WORD, (long) wordOf(slot) << 3);
    }

    /** Whether {@code slot} of the innermost frame is a reference slot. */
    public boolean isReference(int slot) {
        int w = wordOf(slot);
        return (map[w >>> 6] & (1L << w)) != 0;
    }

    /** "frame 2 slot 3", for messages about the innermost frame. */
    public String nameSlot(int slot) {
        return "frame " + (depth - 1) + " slot " + slot;
    }

    /** The stack word of {@code slot}; one unsigned compare refuses negative and too-large slots alike. */
    private int wordOf(int slot) {
        if (Integer.compareUnsigned(slot, frameSlots) >= 0) {
            throw new IllegalArgumentException(depth == 0
                    ? "mutator '" + mutatorName + "': slot " + slot + " used with no frame pushed"
                    : "mutator '" + mutatorName + "': slot " + slot + " is outside frame " + (depth - 1) + " of "
                    + frameSlots + " slots");
        }
        return frameWord + 1 + slot;
    }

    /** Clears map bits {@code [from, to)}, {@code from < to}: one masked store when they share a map word. */
    private void clearMap(int from, int to) {
        if ((from >>> 6) == ((to - 1) >>> 6)) {
            map[from >>> 6] &= ~((-1L >>> (64 - (to - from))) << from);
            return;
        }
        for (int w = from; w < to; ) {
            int bit = w & 63;
            int n = Math.min(64 - bit, to - w);
            long mask = n == 64 ? -1L : ((1L << n) - 1) << bit;
            map[w >>> 6] &= ~mask;
            w += n;
        }
    }

    // ---- MutatorStackView -----------------------------------------------------------------------

    @Override
    public String mutatorName() {
        return mutatorName;
    }

    @Override
    public MemorySegment words() {
        return words;
    }

    @Override
    public long topWord() {
        return top;
    }

    @Override
    public long referenceMap(int i) {
        return map[i];
    }

    /** Releases the stack memory. Idempotent. */
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
