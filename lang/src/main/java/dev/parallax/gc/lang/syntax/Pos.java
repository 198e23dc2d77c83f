package dev.parallax.gc.lang.syntax;

/**
 * A place in a script: 1-based line and column.
 *
 * @param line the line, from 1
 * @param col  the column, from 1
 */
public record Pos(int line, int col) {
    @Override
    public String toString() {
        return line + ":" + col;
    }
}
