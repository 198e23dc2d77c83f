package dev.parallax.gc.properties.run;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.properties.model.ModelObject;

import java.util.Collection;
import java.util.Set;

/**
 * The invariants checked on the heap as {@link PauseRecorder recorded} it before and after each
 * pause, against the model as it was when the pause ran:
 * <ul>
 *   <li>{@link Invariant#ONLY_UNREACHABLE_RECLAIMED}, always;</li>
 *   <li>{@link Invariant#PINNED_STAY}, always (trivial for a non-moving collector);</li>
 *   <li>{@link Invariant#STACK_NAMED_SURVIVE}, with conservative stack roots;</li>
 *   <li>{@link Invariant#COMPACTION_CONTIGUOUS}, for the sliding compactor with precise roots, when
 *       no pinned object survives.</li>
 * </ul>
 * Objects are compared by runtime id, which survives moves.
 */
public final class PauseInvariants {
    /** The collector whose survivors slide to the heap base. */
    public static final String SLIDING_COMPACTOR = "mark-compact";

    private final boolean stackWords;
    private final boolean naiveDecode;
    private final boolean compaction;

    /**
     * @param stackWords  check that stack-named objects survive in place (conservative stack roots)
     * @param naiveDecode read a stack word as an address as it is, not through the tag scheme
     *                    (as {@code conservative.decode=naive} does)
     * @param compaction  check that the survivors are contiguous from the heap base when nothing is pinned
     */
    public PauseInvariants(boolean stackWords, boolean naiveDecode, boolean compaction) {
        this.stackWords = stackWords;
        this.naiveDecode = naiveDecode;
        this.compaction = compaction;
    }

    /** The pause invariants that apply to a configuration. */
    public static PauseInvariants forConfig(GcConfig config) {
        return new PauseInvariants(config.roots().contains("conservative"),
                "naive".equals(config.option("conservative.decode", "tags")),
                config.collector().equals(SLIDING_COMPACTOR) && CompleteReclamation.applies(config.roots()));
    }

    /**
     * Checks one pause.
     *
     * @param reachable the objects the model reached when the pause ran
     * @param pinned    the objects the model had pinned then (reachable or not)
     * @param when      "after action 12 (collect)", for messages
     * @throws InvariantViolation on the first broken invariant
     */
    void check(PauseRecorder.Pause pause, Set<ModelObject> reachable, Collection<ModelObject> pinned,
               IdentityStability ids, TagScheme tags, String when, Coverage.Tally tally) {
        String at = when + ": collection #" + pause.number();
        parsable(pause.before(), at + " began on a heap with an ");
        parsable(pause.after(), at + " left the heap with an ");
        tally.checked(Invariant.ONLY_UNREACHABLE_RECLAIMED);
        onlyUnreachableReclaimed(pause, reachable, ids, at);
        tally.checked(Invariant.PINNED_STAY);
        pinnedStay(pause, pinned, ids, at);
        if (stackWords) {
            tally.checked(Invariant.STACK_NAMED_SURVIVE);
            stackNamedSurvive(pause, ids, tags, at);
        }
        if (compaction && noneSurvives(pause.after(), pinned, ids)) {
            tally.checked(Invariant.COMPACTION_CONTIGUOUS);
            contiguous(pause.after(), ids, at);
        }
    }

    private static void parsable(HeapSnapshot heap, String prefix) {
        if (heap.error() != null) {
            throw new InvariantViolation(Invariant.NO_RUNTIME_ERROR, prefix + heap.error());
        }
    }

    /** Every id present before and missing after belongs to an object the model did not reach. */
    private static void onlyUnreachableReclaimed(PauseRecorder.Pause pause, Set<ModelObject> reachable,
                                                 IdentityStability ids, String at) {
        HeapSnapshot before = pause.before();
        for (int i = 0; i < before.size(); i++) {
            long id = before.id(i);
            ModelObject owner = ids.ownerOf(id);
            if (owner != null && reachable.contains(owner) && pause.after().addressOf(id) == 0) {
                throw new InvariantViolation(Invariant.ONLY_UNREACHABLE_RECLAIMED, String.format(
                        "%s reclaimed %s (id #%d, at 0x%x), which the model still reaches", at, owner.describe(), id,
                        before.address(i)));
            }
        }
    }

    /** A pinned object present before and after is at the same address. */
    private static void pinnedStay(PauseRecorder.Pause pause, Collection<ModelObject> pinned, IdentityStability ids,
                                   String at) {
        for (ModelObject o : pinned) {
            long id = ids.idOf(o);
            long from = pause.before().addressOf(id);
            long to = pause.after().addressOf(id);
            if (from != 0 && to != 0 && from != to) {
                throw new InvariantViolation(Invariant.PINNED_STAY, String.format(
                        "%s moved the pinned %s (id #%d) from 0x%x to 0x%x", at, o.describe(), id, from, to));
            }
        }
    }

    /** Each object a live stack word names before the pause is there after it, at the same address. */
    private void stackNamedSurvive(PauseRecorder.Pause pause, IdentityStability ids, TagScheme tags, String at) {
        long[] words = pause.stackWords();
        HeapSnapshot before = pause.before();
        for (int w = 0; w < words.length; w++) {
            long candidate = naiveDecode ? words[w] : tags.isPointer(words[w]) ? tags.untag(words[w]) : 0;
            int i = candidate == 0 ? -1 : before.indexContaining(candidate);
            if (i < 0) {
                continue;
            }
            long id = before.id(i);
            long to = pause.after().addressOf(id);
            if (to != before.address(i)) {
                ModelObject owner = ids.ownerOf(id);
                throw new InvariantViolation(Invariant.STACK_NAMED_SURVIVE, String.format(
                        "%s %s %s (id #%d, at 0x%x), which stack word %d (0x%x) names", at,
                        to == 0 ? "reclaimed" : String.format("moved to 0x%x", to),
                        owner == null ? "an object" : owner.describe(), id, before.address(i), w, words[w]));
            }
        }
    }

    private static boolean noneSurvives(HeapSnapshot after, Collection<ModelObject> pinned, IdentityStability ids) {
        for (ModelObject o : pinned) {
            if (after.addressOf(ids.idOf(o)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** No object lies above free space. */
    private static void contiguous(HeapSnapshot after, IdentityStability ids, String at) {
        long stray = after.firstObjectAfterGap();
        if (stray != 0) {
            long id = after.id(after.indexContaining(stray));
            ModelObject owner = ids.ownerOf(id);
            throw new InvariantViolation(Invariant.COMPACTION_CONTIGUOUS, String.format(
                    "%s compacted with nothing pinned, yet %s (id #%d, at 0x%x) lies above free space: the survivors"
                            + " are not contiguous from the heap base", at, owner == null ? "an object" : owner.describe(),
                    id, stray));
        }
    }
}
