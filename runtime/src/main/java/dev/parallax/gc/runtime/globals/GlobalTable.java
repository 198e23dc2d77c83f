package dev.parallax.gc.runtime.globals;

import dev.parallax.gc.api.GlobalRoot;
import dev.parallax.gc.api.GlobalRoots;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.roots.GlobalRootsView;
import dev.parallax.gc.api.tags.TagScheme;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.Consumer;

/**
 * The global root table: off-heap cells of tagged words, a registration bitmap, and a name per
 * registered cell. Registration and unregistration take the table's monitor; cell reads and writes
 * through a {@link GlobalRoot} do not. Freed cells are reused, lowest index first.
 *
 * <p>Invariant: a cell is registered iff its bitmap bit is set iff {@code names[i] != null}; an
 * unregistered cell holds 0.
 *
 * <p>A cell is a root that a collection reads and may rewrite, so only an attached mutator may read
 * or write it, between its safepoints. Debug mode checks that on every {@code get}, {@code set},
 * {@code ref} and {@code setRef} (another thread, a mutator inside {@code runBlocked}, or any access
 * while a collection runs, is refused naming the cell and the thread); release mode does not check.
 * Registering and unregistering take the table's lock and are allowed from any thread.
 */
public final class GlobalTable implements GlobalRoots, GlobalRootsView {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;

    private final MemorySegment cells;
    private final int capacity;
    private final long[] registeredMap;
    private final String[] names;
    private final TagScheme tags;
    private final ObjectModel objects;
    private final boolean debug;
    /** Debug mode: refuses an access from anything but a running mutator outside a pause; null in release mode. */
    private final Consumer<String> accessCheck;
    private int registered;
    private int searchFrom;

    /**
     * @param cells zeroed memory of {@code 8 * capacity} bytes that outlives the table
     * @param accessCheck debug mode: called with "global 'g': set" before every read and write of a cell,
     *                    throws unless the caller may touch the heap now; also turns on the full
     *                    validation of pointers stored with {@link GlobalRoot#setRef}. Null in release mode.
     */
    public GlobalTable(MemorySegment cells, int capacity, TagScheme tags, ObjectModel objects,
                       Consumer<String> accessCheck) {
        this.cells = cells;
        this.capacity = capacity;
        this.registeredMap = new long[(capacity + 63) >>> 6];
        this.names = new String[capacity];
        this.tags = tags;
        this.objects = objects;
        this.debug = accessCheck != null;
        this.accessCheck = accessCheck;
    }

    @Override
    public synchronized GlobalRoot register(String name) {
        int cell = freeCell();
        if (cell < 0) {
            throw new IllegalStateException("cannot register global '" + name + "': the global root table is full ("
                    + capacity + " cells; raise 'globals' in the config)");
        }
        registeredMap[cell >>> 6] |= 1L << cell;
        names[cell] = name;
        cells.set(WORD, (long) cell << 3, 0L);
        registered++;
        searchFrom = cell + 1;
        return new Cell(name, cell);
    }

    private int freeCell() {
        for (int i = 0; i < capacity; i++) {
            int cell = (searchFrom + i) % capacity;
            if ((registeredMap[cell >>> 6] & (1L << cell)) == 0) {
                return cell;
            }
        }
        return -1;
    }

    private synchronized void unregister(Cell handle) {
        handle.checkLive();
        handle.live = false;
        int cell = handle.cell;
        registeredMap[cell >>> 6] &= ~(1L << cell);
        names[cell] = null;
        cells.set(WORD, (long) cell << 3, 0L);
        registered--;
        searchFrom = Math.min(searchFrom, cell);
    }

    @Override
    public synchronized int registered() {
        return registered;
    }

    /** The name of registered cell {@code cell}, or null; for messages. */
    public synchronized String nameOf(int cell) {
        return cell >= 0 && cell < capacity ? names[cell] : null;
    }

    // ---- GlobalRootsView -------------------------------------------------------------------------

    @Override
    public MemorySegment cells() {
        return cells;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public long registeredMap(int i) {
        return registeredMap[i];
    }

    /** A registered cell; every method throws once it is unregistered. */
    private final class Cell implements GlobalRoot {
        private final String name;
        private final int cell;
        private volatile boolean live = true;

        Cell(String name, int cell) {
            this.name = name;
            this.cell = cell;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long get() {
            checkLive();
            if (debug) {
                accessCheck.accept("global '" + name + "': get");
            }
            return cells.get(WORD, (long) cell << 3);
        }

        @Override
        public void set(long taggedWord) {
            checkLive();
            if (debug) {
                accessCheck.accept("global '" + name + "': set");
            }
            cells.set(WORD, (long) cell << 3, taggedWord);
        }

        @Override
        public long ref() {
            long word = get();
            if (word == 0) {
                return 0;
            }
            if (!tags.isPointer(word)) {
                throw new IllegalStateException(String.format("global '%s' holds %s word 0x%x, not a pointer",
                        name, tags.kindOf(word), word));
            }
            return tags.untag(word);
        }

        @Override
        public void setRef(long address) {
            checkLive();
            String why = address == 0 ? null : debug || !objects.inHeap(address) || (address & 7) != 0
                    ? objects.whyNotObject(address) : null;
            if (why != null) {
                throw new IllegalArgumentException("global '" + name + "': cannot store a pointer: " + why);
            }
            set(address == 0 ? 0 : tags.tagPointer(address));
        }

        @Override
        public void unregister() {
            GlobalTable.this.unregister(this);
        }

        private void checkLive() {
            if (!live) {
                throw new IllegalStateException("global '" + name + "' was unregistered");
            }
        }

        @Override
        public String toString() {
            return "global '" + name + "' (cell " + cell + ")";
        }
    }
}
