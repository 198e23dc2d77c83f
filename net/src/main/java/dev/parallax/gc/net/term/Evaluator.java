package dev.parallax.gc.net.term;

import dev.parallax.gc.net.reduce.Interactions;

/**
 * Evaluates an {@link Expr} directly, with no net and no heap: the independent answer a net's normal
 * form is checked against. The result is the text {@code Net.readback} gives for a correct normal
 * form: a number computed from numbers only as itself, a number computed from at least one Ref as
 * {@code box n} (the operator boxed it on the heap), a leaf as the leaf ({@code box 3}, {@code #3},
 * {@code tuple(box 1, box 2)}).
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** A value: the number it stands for, whether it lives on the heap, and its text. */
    public record Value(int n, boolean boxed, String text) {
        static Value computed(int n, boolean boxed) {
            return new Value(n, boxed, boxed ? "box " + n : Integer.toString(n));
        }
    }

    public static Value eval(Expr e) {
        return switch (e) {
            case Expr.Num x -> new Value(x.n(), false, Integer.toString(x.n()));
            case Expr.Box x -> new Value(x.n(), true, "box " + x.n());
            case Expr.Small x -> new Value(x.n(), true, "#" + x.n());
            case Expr.Tuple x -> new Value(x.a() + x.b(), true, "tuple(box " + x.a() + ", box " + x.b() + ")");
            case Expr.Op x -> {
                Value l = eval(x.l());
                Value r = eval(x.r());
                yield Value.computed(Interactions.apply(x.op(), l.n(), r.n()), l.boxed() || r.boxed());
            }
            case Expr.Twice x -> {
                Value v = eval(x.e());
                yield Value.computed(Interactions.apply(x.op(), v.n(), v.n()), v.boxed());
            }
            case Expr.Fst x -> eval(x.a());
            case Expr.PairOp x -> {
                Value a = eval(x.a());
                Value b = eval(x.b());
                yield Value.computed(Interactions.apply(x.op(), a.n(), b.n()), a.boxed() || b.boxed());
            }
            case Expr.Repeat x -> {
                Value v = eval(x.e());
                if (x.n() == 0) {
                    yield v;
                }
                int n = v.n();
                for (int i = 0; i < x.n(); i++) {
                    n = Interactions.apply(x.op(), n, n);
                }
                yield Value.computed(n, v.boxed());
            }
        };
    }

    /** Expression nodes: leaves and operators (a {@code Repeat} counts its unfolded duplications). */
    public static long size(Expr e) {
        return switch (e) {
            case Expr.Num x -> 1;
            case Expr.Box x -> 1;
            case Expr.Small x -> 1;
            case Expr.Tuple x -> 1;
            case Expr.Op x -> 1 + size(x.l()) + size(x.r());
            case Expr.Twice x -> 1 + size(x.e());
            case Expr.Fst x -> 1 + size(x.a()) + size(x.b());
            case Expr.PairOp x -> 1 + size(x.a()) + size(x.b());
            case Expr.Repeat x -> x.n() + size(x.e());
        };
    }

    /** Leaves of the program (for sizing and for reports). */
    public static int leaves(Expr e) {
        return switch (e) {
            case Expr.Num x -> 1;
            case Expr.Box x -> 1;
            case Expr.Small x -> 1;
            case Expr.Tuple x -> 1;
            case Expr.Op x -> leaves(x.l()) + leaves(x.r());
            case Expr.Twice x -> leaves(x.e());
            case Expr.Fst x -> leaves(x.a()) + leaves(x.b());
            case Expr.PairOp x -> leaves(x.a()) + leaves(x.b());
            case Expr.Repeat x -> leaves(x.e());
        };
    }
}
