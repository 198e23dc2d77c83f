package dev.parallax.gc.toolkit.space;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The space tests' reference model: objects by id, their referents' ids, and root slots; plain Java. */
final class ModelGraph {
    /** A model object: id, referents' ids (0 = null), raw word, size in bytes. */
    record Node(long id, long[] refs, long raw, long bytes) {
    }

    final Map<Long, Node> nodes = new HashMap<>();
    final long[] roots;

    ModelGraph(int roots) {
        this.roots = new long[roots];
    }

    /** The ids reachable from the roots. */
    Set<Long> reachable() {
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> work = new ArrayDeque<>();
        for (long r : roots) {
            if (r != 0 && seen.add(r)) {
                work.add(r);
            }
        }
        while (!work.isEmpty()) {
            for (long t : nodes.get(work.poll()).refs()) {
                if (t != 0 && seen.add(t)) {
                    work.add(t);
                }
            }
        }
        return seen;
    }

    /** The objects' total size. */
    long bytes(Set<Long> ids) {
        return ids.stream().mapToLong(id -> nodes.get(id).bytes()).sum();
    }
}
