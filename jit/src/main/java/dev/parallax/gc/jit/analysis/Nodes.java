package dev.parallax.gc.jit.analysis;

import dev.parallax.gc.lang.ir.Ir;

import java.util.function.Consumer;

/** Visits every node of a subtree of the checked tree, statements and expressions, parents first. */
public final class Nodes {
    private Nodes() {
    }

    public static void visit(Ir.Stmt s, Consumer<Object> visitor) {
        visitor.accept(s);
        switch (s) {
            case Ir.Block b -> b.stmts().forEach(x -> visit(x, visitor));
            case Ir.Assign a -> visit(a.value(), visitor);
            case Ir.AssignCaptured a -> visit(a.value(), visitor);
            case Ir.WriteIndexed w -> {
                visit(w.object(), visitor);
                visit(w.index(), visitor);
                visit(w.value(), visitor);
            }
            case Ir.WriteNamed w -> {
                visit(w.object(), visitor);
                visit(w.value(), visitor);
            }
            case Ir.If i -> {
                i.conds().forEach(c -> visit(c, visitor));
                i.blocks().forEach(b -> visit(b, visitor));
                if (i.otherwise() != null) {
                    visit(i.otherwise(), visitor);
                }
            }
            case Ir.While w -> {
                visit(w.cond(), visitor);
                visit(w.body(), visitor);
            }
            case Ir.Return r -> {
                if (r.value() != null) {
                    visit(r.value(), visitor);
                }
            }
            case Ir.Eval e -> visit(e.expr(), visitor);
            case Ir.Print p -> p.parts().forEach(x -> visit(x, visitor));
            case Ir.Assert a -> {
                visit(a.cond(), visitor);
                a.parts().forEach(x -> visit(x, visitor));
            }
            case Ir.Expect e -> {
            }
            case Ir.Spawn sp -> sp.args().forEach(x -> visit(x, visitor));
        }
    }

    public static void visit(Ir.Expr e, Consumer<Object> visitor) {
        visitor.accept(e);
        switch (e) {
            case Ir.Unary u -> visit(u.operand(), visitor);
            case Ir.Truth t -> visit(t.operand(), visitor);
            case Ir.Arith a -> {
                visit(a.left(), visitor);
                visit(a.right(), visitor);
            }
            case Ir.Compare c -> {
                visit(c.left(), visitor);
                visit(c.right(), visitor);
            }
            case Ir.Logic l -> {
                visit(l.left(), visitor);
                visit(l.right(), visitor);
            }
            case Ir.Concat c -> {
                visit(c.left(), visitor);
                visit(c.right(), visitor);
            }
            case Ir.AllocDynamic a -> {
                visit(a.refs(), visitor);
                visit(a.ints(), visitor);
                visit(a.align(), visitor);
            }
            case Ir.ReadIndexed r -> {
                visit(r.object(), visitor);
                visit(r.index(), visitor);
            }
            case Ir.ReadNamed r -> visit(r.object(), visitor);
            case Ir.Call c -> c.args().forEach(x -> visit(x, visitor));
            case Ir.CallIntrinsic c -> c.args().forEach(x -> visit(x, visitor));
            case Ir.CallClosure c -> {
                visit(c.function(), visitor);
                c.args().forEach(x -> visit(x, visitor));
            }
            case Ir.MakeClosure mc -> mc.captures().forEach(x -> visit(x, visitor));
            case Ir.Cast c -> visit(c.value(), visitor);
            case Ir.Builtin b -> b.args().forEach(x -> visit(x, visitor));
            case Ir.Held h -> visit(h.value(), visitor);
            default -> {
            }
        }
    }
}
