package dev.parallax.gc.properties.program;

import java.util.List;

/** A mutator program: the actions one thread performs, in order. */
public record Program(List<Action> actions) {
    public Program {
        actions = List.copyOf(actions);
    }

    public static Program of(Action... actions) {
        return new Program(List.of(actions));
    }

    public int size() {
        return actions.size();
    }

    /** One action per line, numbered from 1. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < actions.size(); i++) {
            out.append(String.format("%4d. %s%n", i + 1, actions.get(i)));
        }
        return out.toString();
    }
}
