package dev.parallax.gc.properties.run;

import dev.parallax.gc.properties.model.ReferenceModel;
import dev.parallax.gc.properties.program.Action;
import dev.parallax.gc.properties.program.Program;

/**
 * Renders a program for people: one numbered action per line, with the concrete step it resolves to
 * (found by replaying the program on a fresh model; no runtime involved).
 */
public final class Trace {
    private Trace() {
    }

    /**
     * @param maxGlobals and {@code pinning}, {@code headerWords}: as the runner's resolver had them, so
     *                   that every action resolves as it did when the program ran
     */
    public static String render(Program program, int maxGlobals, boolean pinning, int headerWords) {
        ReferenceModel model = new ReferenceModel();
        model.pushFrame(Resolver.BASE_SLOTS, Resolver.BASE_RAW_SLOTS);
        Resolver resolver = new Resolver(maxGlobals, pinning, headerWords);
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (Action action : program.actions()) {
            Step step = resolver.resolve(action, model);
            ModelExecutor.apply(model, step);
            out.append(String.format("%4d. %-48s %s%n", n++, action, step.describe()));
        }
        return out.toString();
    }
}
