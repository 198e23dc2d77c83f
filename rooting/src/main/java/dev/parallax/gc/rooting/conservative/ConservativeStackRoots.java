package dev.parallax.gc.rooting.conservative;

import com.google.inject.Inject;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Conservative stack roots (design report §3.1, Boehm; Whippet's stack-conservative mode): every
 * live word of every mutator stack — frame headers, raw integers and doubles included, stack maps
 * ignored — that could be a reference keeps the object it points into alive and pinned for this
 * cycle. Interior addresses count (a derived pointer keeps its base alive).
 *
 * <p>Decoding, option {@code conservative.decode}:
 * <ul>
 *   <li>{@code tags} (default): a word is a candidate only if the active tag scheme says it is a
 *       pointer; the candidate is its untagged address. Tagged integers are never mistaken for
 *       pointers.</li>
 *   <li>{@code naive}: the raw word itself is the candidate address, as a tag-unaware scanner would
 *       read it. Under {@code low-bit} this finds the same pointers plus more false ones; under
 *       {@code high-bit} it misses every tagged pointer — unsafe, and kept to show why.</li>
 * </ul>
 * A candidate is accepted only if {@link RootScanContext#objectContaining} resolves it to an
 * allocated object. Cost: one load and one range check per stack word, one object-start lookup per
 * word that lands in the heap.
 */
public final class ConservativeStackRoots implements RootSource {
    public static final String NAME = "conservative";
    public static final String DECODE_OPTION = "conservative.decode";

    private final boolean naive;

    @Inject
    public ConservativeStackRoots(GcConfig config) {
        this(decodeNaively(config.option(DECODE_OPTION, "tags")));
    }

    public ConservativeStackRoots(boolean naive) {
        this.naive = naive;
    }

    private static boolean decodeNaively(String mode) {
        return switch (mode) {
            case "tags" -> false;
            case "naive" -> true;
            default -> throw new GcConfigException(DECODE_OPTION + ": '" + mode + "' is not a decoding; use tags or naive");
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reportsPinningRoots() {
        return true;
    }

    @Override
    public void scanRoots(RootScanContext context, RootVisitor visitor) {
        TagScheme tags = context.tags();
        long base = context.objects().base();
        long limit = context.objects().limit();
        for (MutatorStackView stack : context.stacks()) {
            MemorySegment words = stack.words();
            long top = stack.topWord();
            for (long i = 0; i < top; i++) {
                long word = words.get(ValueLayout.JAVA_LONG, i << 3);
                long candidate = naive ? word : tags.isPointer(word) ? tags.untag(word) : 0;
                if (candidate >= base && candidate < limit) {
                    long object = context.objectContaining(candidate);
                    if (object != 0) {
                        visitor.visitPinningRoot(object);
                    }
                }
            }
        }
    }

    /** Whether words are read raw instead of through the tag scheme. */
    public boolean naive() {
        return naive;
    }
}
