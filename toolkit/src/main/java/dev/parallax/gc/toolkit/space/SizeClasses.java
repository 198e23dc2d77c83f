package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.object.HeaderLayout;

/**
 * The size classes of a {@link MarkSweepSpace}: the cell sizes its 32 KiB blocks are carved into, and
 * the class an object of a given size goes to (the smallest cell that holds it).
 *
 * <ul>
 *   <li>{@code 16, 24, 32, ..., 128}: every multiple of 8 bytes (object sizes are multiples of 8, so
 *       an object of 16 to 128 bytes fills its cell exactly). The smallest cell is
 *       {@link HeaderLayout#MIN_CHUNK_BYTES} (16), not 8: a free cell keeps its free-list link in its
 *       second word, so a one-word cell could not be listed. A header-only object (8 bytes, possible
 *       only in a runtime without object ids) takes a 16-byte cell whose second word is a FILLER.</li>
 *   <li>above 128 and up to {@link #MAX_CELL_BYTES} (8 KiB), geometric: each class at most 1.25 times
 *       the one below it, rounded up to a multiple of 8 (8192 is 1.2503 times 6552), and each the
 *       largest multiple of 8 that fits its number of cells into a block,
 *       {@code floor8(32 KiB / cells)}, so a block's unused tail stays below {@code 8 * cells} bytes
 *       (at most 368 bytes, 1.1% of a block: the 400-byte class). Chosen downward from 8 KiB (4 cells
 *       a block): 6552, 5456, 4680, 4096, ..., 168, 136.</li>
 * </ul>
 *
 * <p>Worst-case waste: an object of {@code b} bytes goes to the smallest cell {@code c >= b}; the
 * class below, {@code p}, is at least 8 bytes smaller than {@code b}, and {@code c <= 1.25 p + 7}, so
 * {@code b / c >= (p + 8) / (1.25 p + 7) > 0.8}: less than 20% of the cell is unused (its tail,
 * formatted as a free cell). Counting the block tail as well, a block of one class filled with objects of the
 * worst size holds at least 80% object bytes (measured: 80.1% at worst, objects of 6560 bytes in
 * 8192-byte cells). Up to 128 bytes nothing is wasted inside a cell, except the 8-byte object's one
 * word (50%). There are {@link #COUNT} classes.
 *
 * <p>Lookups are a table read ({@link #classOf}); all methods are static and allocation-free.
 */
public final class SizeClasses {
    /** The block a class's cells are carved from: 8 pages (the same as Immix's and the copy space's). */
    public static final long BLOCK_BYTES = MarkSweepSpace.BLOCK_BYTES;
    /** The largest cell; larger objects belong in a large-object space. */
    public static final long MAX_CELL_BYTES = 8192;
    /** The smallest cell: a free cell's status word and its link. */
    public static final long MIN_CELL_BYTES = HeaderLayout.MIN_CHUNK_BYTES;
    /** The largest size up to which every multiple of 8 is a class of its own. */
    public static final long EXACT_UP_TO = 128;
    /** The largest ratio between a class and the one below it (above {@link #EXACT_UP_TO}), before rounding up to 8. */
    public static final double MAX_STEP = 1.25;

    private static final long[] CELL_BYTES = build();
    /** The number of size classes. */
    public static final int COUNT = CELL_BYTES.length;
    private static final int[] CELLS = new int[COUNT];
    /** Class index by object size in words ({@code bytes >>> 3}), for sizes 8 to {@link #MAX_CELL_BYTES}. */
    private static final byte[] CLASS_OF_WORDS = new byte[(int) (MAX_CELL_BYTES >>> 3) + 1];

    static {
        int c = 0;
        for (int words = 1; words < CLASS_OF_WORDS.length; words++) {
            while (CELL_BYTES[c] < (long) words << 3) {
                c++;
            }
            CLASS_OF_WORDS[words] = (byte) c;
        }
        for (int k = 0; k < COUNT; k++) {
            CELLS[k] = (int) (BLOCK_BYTES / CELL_BYTES[k]);
        }
    }

    private SizeClasses() {
    }

    /** The classes, ascending: the exact ones, then the geometric ones chosen downward from the largest. */
    private static long[] build() {
        java.util.ArrayList<Long> geometric = new java.util.ArrayList<>();
        long cell = MAX_CELL_BYTES;
        while (cell > EXACT_UP_TO) {
            geometric.add(cell);
            int cells = (int) (BLOCK_BYTES / cell) + 1;   // the next class holds more cells per block
            while (fit(cells + 1) * MAX_STEP >= cell) {   // as many more as keeps the step within 1.25
                cells++;
            }
            cell = fit(cells);
        }
        int exact = (int) ((EXACT_UP_TO - MIN_CELL_BYTES) / HeaderLayout.WORD_BYTES) + 1;
        long[] classes = new long[exact + geometric.size()];
        for (int k = 0; k < exact; k++) {
            classes[k] = MIN_CELL_BYTES + (long) k * HeaderLayout.WORD_BYTES;
        }
        for (int k = 0; k < geometric.size(); k++) {
            classes[exact + k] = geometric.get(geometric.size() - 1 - k);
        }
        return classes;
    }

    /** The largest multiple of 8 of which {@code cells} fit in a block. */
    private static long fit(int cells) {
        return BLOCK_BYTES / cells & ~(HeaderLayout.WORD_BYTES - 1L);
    }

    /**
     * The class of an object of {@code bytes}: the smallest whose cells hold it. One table read.
     *
     * @throws IllegalArgumentException when {@code bytes} is not a multiple of 8 from 8 to
     *                                  {@link #MAX_CELL_BYTES} (the message names the size)
     */
    public static int classOf(long bytes) {
        if ((bytes & (HeaderLayout.WORD_BYTES - 1)) != 0 || bytes <= 0 || bytes > MAX_CELL_BYTES) {
            throw new IllegalArgumentException(bytes > MAX_CELL_BYTES
                    ? "an object of " + bytes + " bytes is above the largest size class (" + MAX_CELL_BYTES
                    + " bytes): allocate it in a large-object space"
                    : "an object of " + bytes + " bytes: sizes are positive multiples of " + HeaderLayout.WORD_BYTES);
        }
        return CLASS_OF_WORDS[(int) (bytes >>> 3)];
    }

    /** The cell size of class {@code sizeClass}. */
    public static long cellBytes(int sizeClass) {
        return CELL_BYTES[sizeClass];
    }

    /** How many cells of class {@code sizeClass} a block holds (the rest of the block is its tail). */
    public static int cellsPerBlock(int sizeClass) {
        return CELLS[sizeClass];
    }
}
