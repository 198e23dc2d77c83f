package dev.parallax.gc.properties.reference;

import dev.parallax.gc.api.reference.ReferenceKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference model of a reference program: plain Java objects by id, a frame of slots, the
 * objects finalizers resurrected, and {@code java.lang.ref} semantics written out as reachability
 * over ids, independent of any collector.
 *
 * <p>A full collection ({@link #collect}): R = what the roots reach through node fields, ephemeron
 * values whose key is in R (to a fixpoint) and, without pressure, soft referents; live soft and weak
 * references whose referent is outside R are cleared and enqueued, live ephemerons whose key is
 * outside R cleared; unreachable objects with a finalizer become due, and R' = R plus what they
 * reach (ephemerons again to a fixpoint); references reachable only in R' are cleared like those
 * in R, and phantom references in R' whose referent is outside R' are cleared and enqueued.
 */
public final class RefModel {
    public static final int SLOTS = 4;
    /** How many resurrected objects the keep array holds (a finalizer resurrects only while there is room). */
    public static final int KEEP = 32;

    public enum Kind { NODE, SOFT, WEAK, PHANTOM, EPHEMERON }

    enum Finalization { NONE, REGISTERED, DONE }

    static final class Obj {
        final int id;
        final Kind kind;
        final int[] fields = new int[2];
        int referent;   // references
        int key;        // ephemerons
        int value;
        boolean enqueued;
        Finalization fin = Finalization.NONE;
        boolean resurrect;

        Obj(int id, Kind kind) {
            this.id = id;
            this.kind = kind;
        }
    }

    final Map<Integer, Obj> objects = new HashMap<>();
    final int[] slots = new int[SLOTS];
    final List<Integer> keep = new ArrayList<>();
    /** Enqueued references not yet taken from the queue (the queue holds them strongly). */
    final Set<Integer> queued = new LinkedHashSet<>();
    /** Objects with a finalizer not yet due, in registration order. */
    final List<Integer> finalizable = new ArrayList<>();
    private int nextId = 1;
    /** What the programs exercised: references cleared, ephemerons cleared, finalizers run, objects resurrected. */
    long referencesCleared;
    long ephemeronsCleared;
    long finalizersRun;
    long resurrected;

    static Kind kindOf(ReferenceKind kind) {
        return switch (kind) {
            case SOFT -> Kind.SOFT;
            case WEAK -> Kind.WEAK;
            case PHANTOM -> Kind.PHANTOM;
        };
    }

    Obj get(int id) {
        return id == 0 ? null : objects.get(id);
    }

    Obj slot(int slot) {
        return get(slots[slot]);
    }

    boolean isNode(int slot) {
        Obj o = slot(slot);
        return o != null && o.kind == Kind.NODE;
    }

    Obj create(Kind kind) {
        Obj o = new Obj(nextId++, kind);
        objects.put(o.id, o);
        return o;
    }

    /** What the roots (slots, keep, queue) and {@code extra} reach; soft referents followed if {@code soft}. */
    Set<Integer> reach(boolean soft, Set<Integer> extra) {
        Set<Integer> seen = new HashSet<>();
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int s : slots) {
            push(s, seen, work);
        }
        keep.forEach(k -> push(k, seen, work));
        queued.forEach(q -> push(q, seen, work));
        extra.forEach(e -> push(e, seen, work));
        while (true) {
            while (!work.isEmpty()) {
                Obj o = objects.get(work.pop());
                switch (o.kind) {
                    case NODE -> {
                        push(o.fields[0], seen, work);
                        push(o.fields[1], seen, work);
                    }
                    case SOFT -> {
                        if (soft) {
                            push(o.referent, seen, work);
                        }
                    }
                    default -> {
                    }
                }
            }
            for (Obj o : objects.values()) {   // ephemerons: a value lives while its key does
                if (o.kind == Kind.EPHEMERON && seen.contains(o.id) && o.key != 0 && seen.contains(o.key)) {
                    push(o.value, seen, work);
                }
            }
            if (work.isEmpty()) {
                return seen;
            }
        }
    }

    private static void push(int id, Set<Integer> seen, ArrayDeque<Integer> work) {
        if (id != 0 && seen.add(id)) {
            work.push(id);
        }
    }

    /**
     * A full collection. Returns the objects whose finalizers became due, in registration order;
     * the caller runs them ({@link #finalized}).
     */
    List<Integer> collect(boolean pressure) {
        Set<Integer> r = reach(!pressure, Set.of());
        clearDead(r, r, false);
        List<Integer> due = new ArrayList<>();
        for (int f : finalizable) {
            if (!r.contains(f)) {
                due.add(f);
            }
        }
        finalizable.removeAll(due);
        due.forEach(f -> objects.get(f).fin = Finalization.DONE);
        Set<Integer> extra = new HashSet<>(r);
        extra.addAll(due);
        Set<Integer> r2 = reach(false, extra);
        clearDead(r2, r2, true);
        objects.keySet().retainAll(r2);   // the rest can never be reached again
        return due;
    }

    /** Live (in {@code live}) references and ephemerons whose referent or key is outside {@code reachable} are cleared. */
    private void clearDead(Set<Integer> live, Set<Integer> reachable, boolean phantoms) {
        for (int id : live) {
            Obj o = objects.get(id);
            switch (o.kind) {
                case SOFT, WEAK -> {
                    if (o.referent != 0 && !reachable.contains(o.referent)) {
                        clear(o);
                    }
                }
                case PHANTOM -> {
                    if (phantoms && o.referent != 0 && !reachable.contains(o.referent)) {
                        clear(o);
                    }
                }
                case EPHEMERON -> {
                    if (o.key != 0 && !reachable.contains(o.key)) {
                        clearEphemeron(o);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The collector cleared reference {@code o}: every reference here has the queue, so it is enqueued. */
    void clear(Obj o) {
        referencesCleared++;
        o.referent = 0;
        o.enqueued = true;
        queued.add(o.id);
    }

    void clearEphemeron(Obj o) {
        ephemeronsCleared++;
        o.key = 0;
        o.value = 0;
    }

    /** A due finalizer ran; a resurrecting one keeps its object while the keep array has room. */
    boolean finalized(int id) {
        Obj o = objects.get(id);
        finalizersRun++;
        if (o.resurrect && keep.size() < KEEP) {
            resurrected++;
            keep.add(id);
            return true;
        }
        return false;
    }

    /** The node graph reachable from {@code id} through node fields: id -> [child id, 0 null, -1 a non-node]. */
    Map<Long, List<Long>> subgraph(int id) {
        Map<Long, List<Long>> out = new HashMap<>();
        ArrayDeque<Integer> work = new ArrayDeque<>(List.of(id));
        while (!work.isEmpty()) {
            Obj o = objects.get(work.pop());
            if (out.containsKey((long) o.id)) {
                continue;
            }
            List<Long> children = new ArrayList<>();
            for (int f : o.fields) {
                Obj c = get(f);
                children.add(c == null ? 0L : c.kind == Kind.NODE ? (long) c.id : -1L);
                if (c != null && c.kind == Kind.NODE) {
                    work.push(c.id);
                }
            }
            out.put((long) o.id, children);
        }
        return out;
    }
}
