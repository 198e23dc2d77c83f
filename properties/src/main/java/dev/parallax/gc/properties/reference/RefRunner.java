package dev.parallax.gc.properties.reference;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.GlobalRoot;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.reference.Finalizer;
import dev.parallax.gc.api.reference.ReferenceKind;
import dev.parallax.gc.api.reference.ReferenceQueue;
import dev.parallax.gc.api.reference.References;
import dev.parallax.gc.api.reference.SoftPolicy;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.properties.reference.RefModel.Kind;
import dev.parallax.gc.properties.reference.RefModel.Obj;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs a reference program on a runtime and on a {@link RefModel} side by side, and after every
 * action compares them: each reachable node (by the id in its raw word), each reachable reference's
 * referent and enqueued bit, each ephemeron's key and value, the finalizers that ran (each once, with
 * the graph their object reached intact), and the queue's length when it is drained.
 *
 * <p>After an explicit full collection ({@link RefAction.Collect}) the comparison is exact. Other
 * pauses (an incremental step, a minor collection) may clear less; what they did clear is checked to
 * be allowed (never a referent the model still reaches strongly, never a finalizer for a reachable
 * object) and then adopted by the model. Reference words are read raw (words 0..1 of the reference
 * and ephemeron shapes), so observing changes nothing a collector sees.
 */
public final class RefRunner implements AutoCloseable {
    private static final int KEY = 0;
    private static final int VALUE = 1;
    private static final long ENQUEUED = 1L << 32;

    /** What the finalizer of one object saw. */
    record Run(long id, Map<Long, List<Long>> subgraph, boolean resurrected, String error) {
    }

    private final GcRuntime runtime;
    private final Mutator m;
    private final References refs;
    private final TagScheme tags;
    private final Shape node;
    private final ReferenceQueue queue;
    private final GlobalRoot keepRoot;
    private final RefModel model = new RefModel();
    private final ConcurrentLinkedQueue<Run> runs = new ConcurrentLinkedQueue<>();
    private final Map<Long, Integer> runCounts = new HashMap<>();
    private volatile int keepCount;
    private int step;
    private RefAction current;

    public RefRunner(GcRuntime runtime) {
        this.runtime = runtime;
        this.refs = runtime.references();
        this.tags = runtime.tags();
        refs.softPolicy(SoftPolicy.untilPressure());
        this.node = runtime.shapes().define("RefNode", 3, 0, 1);
        this.queue = refs.newQueue("cleared");
        this.keepRoot = runtime.globals().register("resurrected");
        this.m = runtime.attach("program");
        m.pushFrame(RefModel.SLOTS);
        m.setRef(0, m.allocateRefArray(RefModel.KEEP));
        keepRoot.setRef(m.ref(0));
        m.clear(0);
    }

    /** Runs every action; throws {@link AssertionError} at the first disagreement, naming the action. */
    public void run(List<RefAction> program) {
        for (RefAction action : program) {
            current = action;
            step++;
            boolean exact = apply(action);
            awaitFinalizers();
            observe(exact);
        }
    }

    private void awaitFinalizers() {
        try {
            if (!refs.awaitFinalizers(m, 20_000)) {
                fail("finalizers did not finish within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for finalizers");
        }
    }

    /** What this program exercised: references cleared, ephemerons cleared, finalizers run, objects resurrected. */
    public long[] coverage() {
        return new long[] {model.referencesCleared, model.ephemeronsCleared, model.finalizersRun, model.resurrected};
    }

    @Override
    public void close() {
        m.close();
    }

    // ---- actions ---------------------------------------------------------------------------------

    /** Applies the action to both; true when the model's state is now exact (a full collection ran). */
    private boolean apply(RefAction action) {
        switch (action) {
            case RefAction.Alloc(int slot) -> {
                Obj o = model.create(Kind.NODE);
                long a = m.allocate(node);
                m.writeRaw(a, 2, o.id);
                m.setRef(slot, a);
                model.slots[slot] = o.id;
            }
            case RefAction.Link(int from, int field, int to) -> {
                if (model.isNode(from)) {
                    m.writeRef(m.ref(from), field, m.ref(to));
                    model.slot(from).fields[field] = model.slots[to];
                }
            }
            case RefAction.Load(int from, int field, int to) -> {
                if (model.isNode(from)) {
                    m.setRef(to, m.readRef(m.ref(from), field));
                    model.slots[to] = model.slot(from).fields[field];
                }
            }
            case RefAction.Drop(int slot) -> {
                m.clear(slot);
                model.slots[slot] = 0;
            }
            case RefAction.NewRef(ReferenceKind kind, int referent, int slot) -> {
                if (model.slots[referent] == 0 || model.isNode(referent)) {
                    int target = model.slots[referent];
                    long r = refs.newReference(m, kind, referent, queue);
                    m.setRef(slot, r);
                    Obj o = model.create(RefModel.kindOf(kind));
                    o.referent = target;
                    model.slots[slot] = o.id;
                }
            }
            case RefAction.Get(int ref, int to) -> {
                Obj o = model.slot(ref);
                if (o != null && (o.kind == Kind.SOFT || o.kind == Kind.WEAK || o.kind == Kind.PHANTOM)) {
                    long target = refs.get(m, m.ref(ref));
                    int expected = o.kind == Kind.PHANTOM ? 0 : o.referent;
                    if ((target == 0) != (expected == 0) || target != 0 && m.readRaw(target, 2) != expected) {
                        fail("get of " + o.kind + " reference #" + o.id + " returned " + name(target)
                                + ", the model's referent is " + expected);
                    }
                    m.setRef(to, target);
                    model.slots[to] = expected;
                }
            }
            case RefAction.NewEphemeron(int key, int value, int slot) -> {
                if (model.isNode(key)) {
                    int k = model.slots[key];
                    int v = model.slots[value];
                    long e = refs.newEphemeron(m, key, value);
                    m.setRef(slot, e);
                    Obj o = model.create(Kind.EPHEMERON);
                    o.key = k;
                    o.value = v;
                    model.slots[slot] = o.id;
                }
            }
            case RefAction.EphemeronValue(int ephemeron, int to) -> {
                Obj o = model.slot(ephemeron);
                if (o != null && o.kind == Kind.EPHEMERON) {
                    m.setValue(to, refs.ephemeronValue(m, m.ref(ephemeron)));
                    model.slots[to] = o.value;
                }
            }
            case RefAction.Finalize(int slot, boolean resurrect) -> {
                Obj o = model.slot(slot);
                if (o != null && o.kind == Kind.NODE && o.fin == RefModel.Finalization.NONE) {
                    refs.registerFinalizer(m, slot, finalizer(resurrect));
                    o.fin = RefModel.Finalization.REGISTERED;
                    o.resurrect = resurrect;
                    model.finalizable.add(o.id);
                }
            }
            case RefAction.Collect(boolean pressure) -> {
                refs.memoryPressure(pressure);
                try {
                    m.collect();
                } finally {
                    refs.memoryPressure(false);
                }
                awaitFinalizers();
                List<Integer> due = model.collect(pressure);
                expectRuns(due);
                return true;
            }
            case RefAction.Step() -> m.collectStep();
            case RefAction.PollAll() -> pollAll();
            case RefAction.Release() -> {
                long keep = keepRoot.ref();
                for (int i = 0; i < RefModel.KEEP; i++) {
                    m.writeRef(keep, i, 0);
                }
                keepCount = 0;
                model.keep.clear();
            }
        }
        return false;
    }

    /** A finalizer that records its object's id and node graph, and resurrects it into the keep array if asked. */
    private Finalizer finalizer(boolean resurrect) {
        return (fm, slot) -> {
            long object = fm.ref(slot);
            try {
                long id = fm.readRaw(object, 2);
                Map<Long, List<Long>> graph = subgraph(fm, object);
                boolean kept = false;
                if (resurrect && keepCount < RefModel.KEEP) {
                    fm.writeRef(keepRoot.ref(), keepCount++, object);
                    kept = true;
                }
                runs.add(new Run(id, graph, kept, null));
            } catch (RuntimeException e) {
                runs.add(new Run(-1, Map.of(), false, e.toString()));
            }
        };
    }

    private Map<Long, List<Long>> subgraph(Mutator fm, long object) {
        Map<Long, List<Long>> out = new HashMap<>();
        ArrayDeque<Long> work = new ArrayDeque<>(List.of(object));
        while (!work.isEmpty()) {
            long x = work.pop();
            long id = fm.readRaw(x, 2);
            if (out.containsKey(id)) {
                continue;
            }
            List<Long> children = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                long c = fm.readRef(x, f);
                if (c == 0) {
                    children.add(0L);
                } else if (isNode(fm, c)) {
                    children.add(fm.readRaw(c, 2));
                    work.push(c);
                } else {
                    children.add(-1L);
                }
            }
            out.put(id, children);
        }
        return out;
    }

    private boolean isNode(Mutator mu, long object) {
        return mu.kind(object) == ObjectKind.SHAPED && mu.shape(object).id() == node.id();
    }

    private void pollAll() {
        Map<Long, Obj> paired = new HashMap<>();
        walk((o, address) -> paired.put(address, o), true);
        int taken = 0;
        for (long r = queue.poll(m); r != 0; r = queue.poll(m)) {
            taken++;
            Obj o = paired.get(r);
            if (o != null && !model.queued.contains(o.id)) {
                fail("the queue returned " + o.kind + " reference #" + o.id + ", which the model never enqueued");
            }
        }
        if (taken != model.queued.size()) {
            fail("the queue held " + taken + " references; the model enqueued " + model.queued.size() + " "
                    + model.queued);
        }
        model.queued.clear();
    }

    // ---- finalizers ------------------------------------------------------------------------------

    /** After a full collection: exactly the due finalizers ran, in any order, each with its graph intact. */
    private void expectRuns(List<Integer> due) {
        Map<Long, Run> ran = new HashMap<>();
        for (Run r = runs.poll(); r != null; r = runs.poll()) {
            check(r);
            ran.put(r.id(), r);
        }
        Set<Long> expected = new HashSet<>();
        due.forEach(d -> expected.add((long) d));
        // finalizers run in due order, so resurrection fills the keep array as the model's does
        for (int id : due) {
            Run r = ran.get((long) id);
            if (r == null) {
                fail("the finalizer of node #" + id + " did not run though the node is unreachable");
            }
            checkGraph(r, id);
            if (r.resurrected() != model.finalized(id)) {
                fail("the finalizer of node #" + id + " resurrected=" + r.resurrected() + ", the model says otherwise");
            }
        }
        if (!expected.containsAll(ran.keySet())) {
            Set<Long> extra = new HashSet<>(ran.keySet());
            extra.removeAll(expected);
            fail("finalizers ran for " + extra + ", which the model still reaches (due: " + expected + ")");
        }
    }

    /** Outside full collections: each finalizer that ran must have been allowed to; the model adopts it. */
    private void adoptRuns() {
        for (Run r = runs.poll(); r != null; r = runs.poll()) {
            check(r);
            int id = (int) r.id();
            Obj o = model.get(id);
            if (o == null || o.fin != RefModel.Finalization.REGISTERED) {
                fail("a finalizer ran for node #" + id + ", which has no pending finalizer in the model");
            }
            if (model.reach(true, Set.of()).contains(id)) {
                fail("the finalizer of node #" + id + " ran while the node is reachable");
            }
            checkGraph(r, id);
            o.fin = RefModel.Finalization.DONE;
            model.finalizable.remove((Integer) id);
            if (r.resurrected() != model.finalized(id)) {
                fail("the finalizer of node #" + id + " resurrected=" + r.resurrected() + ", the model says otherwise");
            }
        }
    }

    private void check(Run r) {
        if (r.error() != null) {
            fail("a finalizer failed reading its object: " + r.error());
        }
        int count = runCounts.merge(r.id(), 1, Integer::sum);
        if (count > 1) {
            fail("the finalizer of node #" + r.id() + " ran " + count + " times");
        }
    }

    private void checkGraph(Run r, int id) {
        Map<Long, List<Long>> expected = model.subgraph(id);
        if (!expected.equals(r.subgraph())) {
            fail("the finalizer of node #" + id + " saw the graph " + r.subgraph() + "; the model has " + expected
                    + " (an object it reaches was reclaimed or changed)");
        }
    }

    // ---- observation -----------------------------------------------------------------------------

    @FunctionalInterface
    private interface Visitor {
        void visit(Obj o, long address);
    }

    /** Compares the model's reachable graph and weak state with the runtime's; {@code exact} after a full collection. */
    private void observe(boolean exact) {
        if (!exact) {
            walk((o, a) -> adoptWeakClears(o, a, false), false);   // before the runs: the keep array may have grown
            adoptRuns();
            walk((o, a) -> adoptWeakClears(o, a, true), true);
        } else if (!runs.isEmpty()) {
            fail("a finalizer ran after the collection's finalizers: " + runs.peek());
        }
        walk(this::compare, true);
    }

    /**
     * Visits every object the model's roots reach through node fields, paired with the runtime's
     * address; the keep array's cells past the model's resurrected objects only if {@code wholeKeepArray}.
     */
    private void walk(Visitor visitor, boolean wholeKeepArray) {
        Map<Integer, Long> seen = new HashMap<>();
        ArrayDeque<Object[]> work = new ArrayDeque<>();
        for (int s = 0; s < RefModel.SLOTS; s++) {
            pair(model.slots[s], m.ref(s), "slot " + s, seen, work);
        }
        long keep = keepRoot.ref();
        for (int i = 0; i < (wholeKeepArray ? RefModel.KEEP : model.keep.size()); i++) {
            pair(i < model.keep.size() ? model.keep.get(i) : 0, m.readRef(keep, i), "resurrected object " + i, seen,
                    work);
        }
        while (!work.isEmpty()) {
            Object[] item = work.pop();
            Obj o = (Obj) item[0];
            long a = (long) item[1];
            visitor.visit(o, a);
            if (o.kind == Kind.NODE) {
                for (int f = 0; f < 2; f++) {
                    pair(o.fields[f], m.readRef(a, f), "field " + f + " of node #" + o.id, seen, work);
                }
            }
        }
    }

    private void pair(int id, long address, String where, Map<Integer, Long> seen, ArrayDeque<Object[]> work) {
        if ((id == 0) != (address == 0)) {
            fail(where + " holds " + name(address) + " in the runtime but " + (id == 0 ? "null" : "#" + id)
                    + " in the model");
        }
        if (id == 0) {
            return;
        }
        Obj o = model.get(id);
        Long known = seen.putIfAbsent(id, address);
        if (known != null) {
            if (known != address) {
                fail(where + ": model object #" + id + " is at two runtime addresses");
            }
            return;
        }
        Kind kind = kindAt(address);
        if (kind != o.kind) {
            fail(where + " holds a " + kind + " in the runtime but " + o.kind + " #" + id + " in the model");
        }
        if (kind == Kind.NODE && m.readRaw(address, 2) != id) {
            fail(where + " holds node #" + m.readRaw(address, 2) + " in the runtime but #" + id + " in the model");
        }
        work.push(new Object[] {o, address});
    }

    private Kind kindAt(long address) {
        if (isNode(m, address)) {
            return Kind.NODE;
        }
        ReferenceKind k = refs.kindOf(m, address);
        if (k != null) {
            return RefModel.kindOf(k);
        }
        return Kind.EPHEMERON;   // checked by the raw reads that follow
    }

    /** The node id a tagged referent word names (0 for null or a non-pointer). */
    private long idOf(long word) {
        if (!tags.isPointer(word)) {
            return 0;
        }
        long target = tags.untag(word);
        return isNode(m, target) ? m.readRaw(target, 2) : -1;
    }

    /** A pause outside a full collection cleared a referent or key: allowed only if the model agrees it could. */
    private void adoptWeakClears(Obj o, long a, boolean phantoms) {
        switch (o.kind) {
            case SOFT, WEAK -> {
                if (!phantoms && o.referent != 0 && idOf(m.readRaw(a, 0)) == 0) {
                    if (model.reach(false, Set.of()).contains(o.referent)) {
                        fail(o.kind + " reference #" + o.id + " was cleared while its referent #" + o.referent
                                + " is strongly reachable");
                    }
                    model.clear(o);
                }
            }
            case PHANTOM -> {
                if (phantoms && o.referent != 0 && idOf(m.readRaw(a, 0)) == 0) {
                    Obj referent = model.get(o.referent);
                    if (model.reach(true, Set.of()).contains(o.referent)
                            || referent.fin == RefModel.Finalization.REGISTERED) {
                        fail("phantom reference #" + o.id + " was cleared while its referent #" + o.referent
                                + " is reachable or not yet finalized");
                    }
                    model.clear(o);
                }
            }
            case EPHEMERON -> {
                if (!phantoms && o.key != 0 && idOf(m.readRaw(a, KEY)) == 0) {
                    if (model.reach(false, Set.of()).contains(o.key)) {
                        fail("ephemeron #" + o.id + " was cleared while its key #" + o.key + " is reachable");
                    }
                    model.clearEphemeron(o);
                }
            }
            default -> {
            }
        }
    }

    private void compare(Obj o, long a) {
        switch (o.kind) {
            case SOFT, WEAK, PHANTOM -> {
                long seen = idOf(m.readRaw(a, 0));
                if (seen == 0 && o.referent != 0) {
                    fail(o.kind + " reference #" + o.id + " was cleared while the model still reaches its referent #"
                            + o.referent + (o.kind == Kind.WEAK ? " strongly" : ""));
                }
                if (seen != o.referent) {
                    fail(o.kind + " reference #" + o.id + " has referent " + (seen == 0 ? "null" : "#" + seen)
                            + " in the runtime, " + (o.referent == 0 ? "null (cleared)" : "#" + o.referent)
                            + " in the model");
                }
                boolean enqueued = (m.readRaw(a, 1) & ENQUEUED) != 0;
                if (enqueued != o.enqueued) {
                    fail(o.kind + " reference #" + o.id + " enqueued=" + enqueued + " in the runtime, " + o.enqueued
                            + " in the model");
                }
            }
            case EPHEMERON -> {
                long key = idOf(m.readRaw(a, KEY));
                long value = idOf(m.readRaw(a, VALUE));
                long expectedValue = o.value == 0 ? 0 : model.get(o.value).kind == Kind.NODE ? o.value : -1;
                if (key != o.key || value != expectedValue) {
                    fail("ephemeron #" + o.id + " holds key " + key + " value " + value + " in the runtime, key "
                            + o.key + " value " + expectedValue + " in the model");
                }
            }
            default -> {
            }
        }
    }

    private String name(long address) {
        return address == 0 ? "null" : runtime.describe(address);
    }

    private void fail(String what) {
        throw new AssertionError("after action " + step + " (" + current + "): " + what);
    }
}
