package dev.parallax.gc.runtime.verify;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Debug-mode live-set check (after MMTk's GcSanity): snapshots the reachable object graph by object
 * id before a collection and after it, with its own trace (not the collector's), and requires the
 * two to be identical: the same ids, no id at two addresses, the same header and raw words, each
 * reference field and root naming the same object id (or holding the same non-pointer word).
 */
public final class LiveSetSanity {
    /** At most this many differences are listed in a failure. */
    public static final int MAX_DIFFERENCES = 10;

    private final ObjectModel objects;
    private final TagScheme tags;

    /** Shapes whose words are not compared (reference objects: reference processing rewrites them). */
    private java.util.function.IntPredicate ignoredShape = id -> false;

    /** From now on the words of SHAPED objects whose type id {@code shape} accepts are not compared. */
    public void ignoreWordsOf(java.util.function.IntPredicate shape) {
        this.ignoredShape = shape;
    }

    public LiveSetSanity(ObjectModel objects, TagScheme tags) {
        this.objects = objects;
        this.tags = tags;
    }

    /**
     * One object by value: header fields, and per body word either the raw word or, where
     * {@code pointerFields} has its bit set, the id of the object the reference field points to.
     */
    record Image(ObjectKind kind, int typeId, long length, long[] values, long[] pointerFields) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Image i && i.kind == kind && i.typeId == typeId && i.length == length
                    && Arrays.equals(i.values, values) && Arrays.equals(i.pointerFields, pointerFields);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values) * 31 + kind.hashCode();
        }

        /** Field {@code i}: "#12" for a pointer to object 12, else the word in hex. */
        String field(int i) {
            boolean pointer = (pointerFields[i >>> 6] & (1L << i)) != 0;
            return pointer ? "#" + values[i] : String.format("0x%x", values[i]);
        }
    }

    /** The reachable graph at one moment: images by id, what each root names, and problems met while tracing. */
    public record Snapshot(Map<Long, Image> objects, Map<Root, String> roots, List<String> problems) {
        /** The number of distinct reachable objects. */
        public int size() {
            return objects.size();
        }
    }

    /** Traces from {@code roots} and records every reachable object. Never throws for a bad pointer: it notes it. */
    public Snapshot snapshot(RootEnumeration roots) {
        Map<Long, Image> images = new HashMap<>();
        Map<Long, Long> addressOfId = new HashMap<>();
        Map<Root, String> rootTargets = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        ArrayDeque<Long> work = new ArrayDeque<>();
        roots.forEach((root, word) -> {
            long target = root.target(word, tags);
            rootTargets.put(root, target == 0 ? String.format("0x%x", word) : name(target));
            visit(target, root.describe(), addressOfId, problems, work);
        });
        while (!work.isEmpty()) {
            long object = work.pop();
            images.put(objects.objectId(object), image(object, addressOfId, problems, work));
        }
        return new Snapshot(images, rootTargets, problems);
    }

    /** Queues {@code target} the first time its id is met; notes a bad pointer or an id at two addresses. */
    private void visit(long target, String from, Map<Long, Long> addressOfId, List<String> problems, ArrayDeque<Long> work) {
        if (target == 0) {
            return;
        }
        String why = objects.whyNotObject(target);
        if (why != null) {
            problems.add(from + " points to a non-object: " + why);
            return;
        }
        long id = objects.objectId(target);
        Long known = addressOfId.putIfAbsent(id, target);
        if (known == null) {
            work.push(target);
        } else if (known != target) {
            problems.add(String.format("object id #%d is at two addresses, 0x%x and 0x%x (reached from %s)",
                    id, known, target, from));
        }
    }

    private Image image(long object, Map<Long, Long> addressOfId, List<String> problems, ArrayDeque<Long> work) {
        long status = objects.status(object);
        int length = (int) HeaderLayout.length(status);
        long[] values = new long[length];
        long[] pointerFields = new long[(length + 63) >>> 6];
        if (HeaderLayout.kindCode(status) == ObjectKind.SHAPED.code() && ignoredShape.test(HeaderLayout.typeId(status))) {
            return new Image(ObjectKind.SHAPED, HeaderLayout.typeId(status), length, values, pointerFields);
        }
        for (int i = 0; i < length; i++) {
            long word = objects.field(object, i);
            values[i] = word;
            if (objects.isReferenceField(object, i) && tags.isPointer(word)) {
                long target = tags.untag(word);
                pointerFields[i >>> 6] |= 1L << i;
                values[i] = objects.whyNotObject(target) == null ? objects.objectId(target) : -1;
                visit(target, "field " + i + " of " + objects.describe(object), addressOfId, problems, work);
            }
        }
        return new Image(ObjectKind.ofCode(HeaderLayout.kindCode(status)), HeaderLayout.typeId(status), length,
                values, pointerFields);
    }

    private String name(long target) {
        String why = objects.whyNotObject(target);
        return why == null ? "#" + objects.objectId(target) : String.format("bad pointer 0x%x", target);
    }

    /**
     * Throws {@link HeapCorruptionException} listing up to {@link #MAX_DIFFERENCES} differences between
     * the snapshots, if there are any.
     *
     * @param what "collection #3", for the message
     */
    public void compare(Snapshot before, Snapshot after, String what) {
        List<String> diffs = new ArrayList<>();   // most telling first: bad pointers, changes, then losses
        after.problems().forEach(p -> diffs.add("after: " + p));
        before.problems().forEach(p -> diffs.add("before: " + p));
        compareRoots(before, after, diffs);
        compareObjects(before, after, diffs);
        if (!diffs.isEmpty()) {
            int shown = Math.min(diffs.size(), MAX_DIFFERENCES);
            throw new HeapCorruptionException(String.format(
                    "live-set sanity check failed for %s: %d reachable objects before, %d after; %d difference(s)%s:%n  %s",
                    what, before.size(), after.size(), diffs.size(), shown < diffs.size() ? ", first " + shown : "",
                    String.join(System.lineSeparator() + "  ", diffs.subList(0, shown))));
        }
    }

    private static void compareObjects(Snapshot before, Snapshot after, List<String> diffs) {
        List<String> gone = new ArrayList<>();
        for (Map.Entry<Long, Image> e : new TreeMap<>(before.objects()).entrySet()) {
            Image was = e.getValue();
            Image now = after.objects().get(e.getKey());
            if (now == null) {
                gone.add(String.format("object #%d (%s, %d words) was reachable before and is gone after",
                        e.getKey(), was.kind(), was.length()));
            } else if (!now.equals(was)) {
                diffs.add(String.format("object #%d changed: %s", e.getKey(), difference(was, now)));
            }
        }
        diffs.addAll(gone);
        for (Map.Entry<Long, Image> e : new TreeMap<>(after.objects()).entrySet()) {
            if (!before.objects().containsKey(e.getKey())) {
                diffs.add(String.format("object #%d (%s, %d words) is reachable after but was not before",
                        e.getKey(), e.getValue().kind(), e.getValue().length()));
            }
        }
    }

    private static String difference(Image was, Image now) {
        if (was.kind() != now.kind() || was.typeId() != now.typeId() || was.length() != now.length()) {
            return String.format("header %s type %d length %d became %s type %d length %d", was.kind(), was.typeId(),
                    was.length(), now.kind(), now.typeId(), now.length());
        }
        for (int i = 0; i < was.length(); i++) {
            if (!was.field(i).equals(now.field(i))) {
                return "field " + i + " was " + was.field(i) + ", is " + now.field(i);
            }
        }
        return "contents differ";
    }

    private static void compareRoots(Snapshot before, Snapshot after, List<String> diffs) {
        for (Map.Entry<Root, String> e : before.roots().entrySet()) {
            String now = after.roots().get(e.getKey());
            if (now != null && !now.equals(e.getValue())) {
                diffs.add(e.getKey().describe() + " named " + e.getValue() + " before and " + now + " after");
            }
        }
    }
}
