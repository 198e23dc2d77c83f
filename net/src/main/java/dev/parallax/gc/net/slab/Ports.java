package dev.parallax.gc.net.slab;

/**
 * The net's own 64-bit port words, as node aux slots, variables and redexes hold them: a 4-bit tag
 * and a 60-bit value. A port names what a wire end is connected to: a variable (the other half of a
 * wire), a nullary agent held inline (an eraser, a number), or the principal port of a node in a
 * slab (by its {@link Partition#nodeId node id}). These words never reach the GC heap; a Ref node's
 * cell, which does, holds a value tagged by the runtime's {@code TagScheme} instead.
 *
 * <p>The all-zero word is {@link #EMPTY}: an unset variable.
 */
public final class Ports {
    private Ports() {
    }

    public static final long EMPTY = 0;

    public static final int VAR = 1;
    public static final int ERA = 2;
    public static final int NUM = 3;
    public static final int CON = 4;
    public static final int DUP = 5;
    public static final int OP2 = 6;
    public static final int OP1 = 7;
    public static final int REF = 8;

    /** The eraser. */
    public static final long ERASER = ERA;

    public static long port(int tag, long value) {
        return value << 4 | tag;
    }

    public static int tag(long port) {
        return (int) (port & 0xF);
    }

    /** The unsigned value (a variable or node id). */
    public static long value(long port) {
        return port >>> 4;
    }

    /** A number port holding {@code n} (32-bit: the net's arithmetic wraps as Java ints do). */
    public static long num(int n) {
        return (long) n << 4 | NUM;
    }

    public static int numValue(long port) {
        return (int) (port >> 4);
    }

    public static boolean isVar(long port) {
        return tag(port) == VAR;
    }

    /** A node tag: the port names the principal port of a node in a slab. */
    public static boolean isNode(long port) {
        int t = tag(port);
        return t >= CON;
    }

    /** Whether the tag is of a binary node (two aux ports). */
    public static boolean isBinary(int tag) {
        return tag == CON || tag == DUP || tag == OP2;
    }

    public static String describe(long port) {
        return switch (tag(port)) {
            case 0 -> "empty";
            case VAR -> "var " + Long.toHexString(value(port));
            case ERA -> "era";
            case NUM -> "num " + numValue(port);
            case CON -> "con@" + Long.toHexString(value(port));
            case DUP -> "dup@" + Long.toHexString(value(port));
            case OP2 -> "op2@" + Long.toHexString(value(port));
            case OP1 -> "op1@" + Long.toHexString(value(port));
            case REF -> "ref@" + Long.toHexString(value(port));
            default -> "port 0x" + Long.toHexString(port);
        };
    }
}
