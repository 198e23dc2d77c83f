package dev.parallax.gc.harness.retention;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A kind of non-pointer word a program leaves in its stack slots (an unboxed integer, a double's
 * bits, a hash): what a conservative scanner may mistake for a pointer.
 */
public enum WordClass {
    /** Uniform random 64-bit values (hashes, random state). */
    RANDOM("random 64-bit") {
        @Override
        long next(SplittableRandom random, long base, long limit) {
            return random.nextLong();
        }
    },
    /** Small integers in [-1024, 65536): loop counters, indices, lengths. */
    SMALL_INT("small integers") {
        @Override
        long next(SplittableRandom random, long base, long limit) {
            return random.nextLong(-1024, 65_536);
        }
    },
    /** The raw bits of uniform doubles in [-1e6, 1e6). */
    DOUBLE("doubles") {
        @Override
        long next(SplittableRandom random, long base, long limit) {
            return Double.doubleToRawLongBits(random.nextDouble(-1e6, 1e6));
        }
    },
    /** Integers that happen to be 8-byte-aligned addresses in the heap's range [base, limit). */
    HEAP_ALIGNED("heap addresses, aligned") {
        @Override
        long next(SplittableRandom random, long base, long limit) {
            return base + (random.nextLong(limit - base) & ~7L);
        }
    },
    /** Integers in the heap's range that are not 8-byte aligned (interior addresses to a scanner). */
    HEAP_UNALIGNED("heap addresses, unaligned") {
        @Override
        long next(SplittableRandom random, long base, long limit) {
            return base + (random.nextLong(limit - base) & ~7L) + 1 + random.nextInt(7);
        }
    };

    private final String label;

    WordClass(String label) {
        this.label = label;
    }

    /** The next word of this class for a heap spanning [base, limit) (base 8-byte aligned). */
    abstract long next(SplittableRandom random, long base, long limit);

    /** A short description for tables. */
    public String label() {
        return label;
    }

    /** The name on the command line, e.g. {@code heap-aligned}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The class with this {@link #cliName() command-line name}.
     *
     * @throws IllegalArgumentException naming the valid choices
     */
    public static WordClass named(String name) {
        for (WordClass c : values()) {
            if (c.cliName().equals(name.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a word class; choose from "
                + Arrays.stream(values()).map(WordClass::cliName).collect(Collectors.joining(", ")));
    }
}
