package dev.parallax.gc.lang.run;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.tags.TagScheme;

import java.util.Random;

/**
 * One thread of a script run: its mutator, its number ({@code threadId()}: 0 for main, then 1, 2...
 * in spawn order), its random numbers (seeded with its number until {@code setRandomSeed}) and
 * whether it expects to run out of memory.
 */
public final class ScriptThread {
    private final ScriptContext context;
    private final Mutator mutator;
    private final int id;
    private final TagScheme tags;
    private Random random;
    private boolean expectsOutOfMemory;

    ScriptThread(ScriptContext context, Mutator mutator, int id) {
        this.context = context;
        this.mutator = mutator;
        this.id = id;
        this.tags = context.runtime().tags();
        this.random = new Random(id);
    }

    public ScriptContext context() {
        return context;
    }

    public Mutator mutator() {
        return mutator;
    }

    public TagScheme tags() {
        return tags;
    }

    public int id() {
        return id;
    }

    Random random() {
        return random;
    }

    void seed(long seed) {
        random = new Random(seed);
    }

    boolean expectsOutOfMemory() {
        return expectsOutOfMemory;
    }

    void expectOutOfMemory() {
        expectsOutOfMemory = true;
    }
}
