package dev.parallax.gc.net.term;

/**
 * Small arithmetic programs that {@link NetCompiler} encodes as nets and {@link Evaluator} evaluates
 * directly, so that a net's normal form can be checked against an independent answer. Arithmetic
 * wraps as Java ints; {@code op} is {@code Interactions.ADD}, {@code SUB} or {@code MUL}.
 */
public sealed interface Expr {
    /** A number held in the net (no heap object). */
    record Num(int n) implements Expr {
    }

    /** A Ref to a boxed long allocated on the GC heap by the mutator side. */
    record Box(int n) implements Expr {
    }

    /** A Ref holding a small integer tagged by the runtime's scheme (an immediate, no object). */
    record Small(int n) implements Expr {
    }

    /** A Ref to a tuple: a reference array of two boxed longs; as an operand, their sum. */
    record Tuple(int a, int b) implements Expr {
    }

    /** {@code l op r}: an operator node. */
    record Op(int op, Expr l, Expr r) implements Expr {
    }

    /** {@code let x = e in x op x}: a duplicator copies e's value (a Ref's cell is copied: two roots, one object). */
    record Twice(int op, Expr e) implements Expr {
    }

    /** {@code fst (a, b)}: a constructor pair annihilates with a constructor destructor; b is erased. */
    record Fst(Expr a, Expr b) implements Expr {
    }

    /** {@code let p = (a, b) in fst p op snd p}: a duplicator commutes with the pair's constructor. */
    record PairOp(int op, Expr a, Expr b) implements Expr {
    }

    /** {@code f^n(e)} with {@code f(x) = x op x}: a recursive function unfolded by duplication. */
    record Repeat(int n, int op, Expr e) implements Expr {
    }
}
