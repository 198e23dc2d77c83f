package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.toolkit.SpacesHeap;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    /**
     * Points about two thirds of every object's reference fields, and three quarters of the roots, at
     * random objects of {@code ids}, in the model and in the heap ({@code addresses}: id to address).
     */
    void wireRandomly(SpacesHeap h, Random rnd, List<Long> ids, Map<Long, Long> addresses) {
        for (Node n : nodes.values()) {
            long a = addresses.get(n.id());
            for (int f = 0; f < n.refs().length; f++) {
                if (rnd.nextInt(3) > 0) {
                    long t = ids.get(rnd.nextInt(ids.size()));
                    n.refs()[f] = t;
                    h.writeRef(a, f, addresses.get(t));
                }
            }
        }
        for (int s = 0; s < roots.length; s++) {
            long t = rnd.nextInt(4) == 0 || ids.isEmpty() ? 0 : ids.get(rnd.nextInt(ids.size()));
            roots[s] = t;
            h.setRoot(s, t == 0 ? 0 : addresses.get(t));
        }
    }
}
