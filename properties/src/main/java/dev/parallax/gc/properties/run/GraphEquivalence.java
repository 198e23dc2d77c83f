package dev.parallax.gc.properties.run;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.GlobalRoot;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.api.tags.ValueKind;
import dev.parallax.gc.properties.model.ModelObject;
import dev.parallax.gc.properties.model.ReferenceModel;
import dev.parallax.gc.properties.model.Value;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invariant (a), {@link Invariant#GRAPH_EQUIVALENCE}: walks the model graph and the runtime graph in
 * parallel from the roots a mutator can see (the innermost frame's slots in order, then its
 * globals), building the bijection model object &lt;-&gt; runtime address as it goes. Every root word
 * and body word must match: same kind, shape, code id, length, raw words and immediates; a
 * reference must lead to the object the bijection already pairs with its model target (sharing and
 * cycles), or to an address not yet paired with another model object. Also checks (c) on every
 * object it meets.
 *
 * <p>Reads the heap without any safepoint, so the addresses it holds stay valid for the walk; run it
 * on the mutator's own thread.
 */
public final class GraphEquivalence {
    private final GcRuntime runtime;
    private final Mutator mutator;
    private final TagScheme tags;
    private final IdentityStability ids;
    private final String when;
    private final Map<ModelObject, Long> addressOf = new IdentityHashMap<>();
    private final Map<Long, ModelObject> modelAt = new HashMap<>();
    private final Map<ModelObject, Path> firstPath = new IdentityHashMap<>();
    private final Deque<ModelObject> work = new ArrayDeque<>();

    private GraphEquivalence(GcRuntime runtime, Mutator mutator, IdentityStability ids, String when) {
        this.runtime = runtime;
        this.mutator = mutator;
        this.tags = runtime.tags();
        this.ids = ids;
        this.when = when;
    }

    /** A place in the graph, for messages: "frame 2 slot 3 -> m5 Pair .f0". */
    private record Path(Path parent, String label) {
        @Override
        public String toString() {
            return parent == null ? label : parent + " -> " + label;
        }
    }

    /**
     * Checks the graph visible to {@code mutator} against {@code model}.
     *
     * @param globals the mutator's global cells, in the model's order
     * @param when    "after action 12 (collect)", for messages
     * @return the number of objects compared
     * @throws InvariantViolation on the first difference
     */
    public static int check(GcRuntime runtime, Mutator mutator, ReferenceModel model, List<GlobalRoot> globals,
                            IdentityStability ids, String when) {
        GraphEquivalence walk = new GraphEquivalence(runtime, mutator, ids, when);
        if (model.depth() > 0) {
            for (int i = 0; i < model.frameSize(); i++) {
                int slot = i;
                Path at = new Path(null, "frame " + (model.depth() - 1) + " slot " + i);
                walk.compare(model.slot(i), walk.read(at, () -> mutator.slot(slot)), at);
            }
        }
        for (int g = 0; g < model.globalCount(); g++) {
            GlobalRoot cell = globals.get(g);
            Path at = new Path(null, "global " + g + " (" + cell.name() + ")");
            walk.compare(model.global(g), walk.read(at, cell::get), at);
        }
        walk.drain();
        return walk.addressOf.size();
    }

    private void drain() {
        while (!work.isEmpty()) {
            ModelObject expected = work.removeFirst();
            compareObject(expected, addressOf.get(expected), firstPath.get(expected));
        }
    }

    /** Compares one word; a reference pairs its target and queues it for comparison. */
    private void compare(Value expected, long word, Path at) {
        switch (expected) {
            case Value.Raw(long raw) -> {
                if (word != raw) {
                    fail(at, "expected raw word " + raw + ", runtime holds " + word);
                }
            }
            case Value.Null _ -> {
                if (word != 0) {
                    fail(at, "expected null, runtime holds " + render(word));
                }
            }
            case Value.SmallInt(long n) -> {
                if (tags.kindOf(word) != ValueKind.SMALL_INT || tags.untagSmallInt(word) != n) {
                    fail(at, "expected int " + n + ", runtime holds " + render(word));
                }
            }
            case Value.Ref(ModelObject target) -> {
                if (!tags.isPointer(word)) {
                    fail(at, "expected a reference to " + target.describe() + ", runtime holds " + render(word));
                }
                pair(target, tags.untag(word), at);
            }
        }
    }

    private void pair(ModelObject target, long address, Path at) {
        Long known = addressOf.get(target);
        if (known != null) {
            if (known != address) {
                fail(at, String.format("expected the %s first reached at %s (0x%x), runtime points to 0x%x: %s",
                        target.describe(), firstPath.get(target), known, address, runtime.describe(address)));
            }
            return;
        }
        ModelObject other = modelAt.get(address);
        if (other != null) {
            fail(at, String.format("expected %s, runtime points to 0x%x, which stands for %s (first reached at %s)",
                    target.describe(), address, other.describe(), firstPath.get(other)));
        }
        addressOf.put(target, address);
        modelAt.put(address, target);
        firstPath.put(target, at);
        work.addLast(target);
    }

    private void compareObject(ModelObject expected, long address, Path at) {
        Path here = new Path(at, expected.describe());
        ObjectKind kind = read(here, () -> mutator.kind(address));
        if (kind != expected.kind()) {
            fail(here, "expected kind " + expected.kind() + ", runtime object is " + runtime.describe(address));
        }
        ids.check(expected, read(here, () -> mutator.objectId(address)), when, here);
        int length = read(here, () -> mutator.length(address));
        if (length != expected.length()) {
            fail(here, "expected " + expected.length() + " body words, runtime object has " + length);
        }
        if (kind == ObjectKind.SHAPED) {
            String shape = read(here, () -> mutator.shape(address).name());
            if (!shape.equals(expected.shape().shapeName())) {
                fail(here, "expected shape " + expected.shape().shapeName() + ", runtime object has shape " + shape);
            }
        }
        if (kind == ObjectKind.CLOSURE) {
            int code = read(here, () -> mutator.codeId(address));
            if (code != expected.codeId()) {
                fail(here, "expected code id " + expected.codeId() + ", runtime closure has " + code);
            }
        }
        for (int i = 0; i < length; i++) {
            int field = i;
            Path f = new Path(here, ".f" + i);
            long word = expected.isReferenceWord(i)
                    ? read(f, () -> mutator.readValue(address, field))
                    : read(f, () -> mutator.readRaw(address, field));
            compare(expected.word(i), word, f);
        }
    }

    private interface Read<T> {
        T get();
    }

    /** Reads from the runtime; a refused read (a freed or corrupt object) is reported at {@code at}. */
    private <T> T read(Path at, Read<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw InvariantViolation.fromRuntime(Invariant.GRAPH_EQUIVALENCE,
                    when + ": at " + at + " the runtime refused the read: ", e);
        }
    }

    private String render(long word) {
        ValueKind kind = tags.kindOf(word);
        return switch (kind) {
            case NULL -> "null";
            case SMALL_INT -> "int " + tags.untagSmallInt(word);
            case POINTER -> "a reference to " + runtime.describe(tags.untag(word));
            default -> String.format("%s word 0x%x", kind, word);
        };
    }

    private void fail(Path at, String what) {
        throw new InvariantViolation(Invariant.GRAPH_EQUIVALENCE, when + ": at " + at + " " + what);
    }
}
