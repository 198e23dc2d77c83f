package dev.parallax.gc.harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class DefaultCommandTest {
    @Test
    void benchIsTheDefaultCommand() {
        assertArrayEquals(new String[] {"bench"}, Main.withDefaultCommand(new String[0]));
        assertArrayEquals(new String[] {"bench", "--heap", "1g"},
                Main.withDefaultCommand(new String[] {"--heap", "1g"}));
        assertArrayEquals(new String[] {"check", "--seed", "1"},
                Main.withDefaultCommand(new String[] {"check", "--seed", "1"}));
        assertArrayEquals(new String[] {"--help"}, Main.withDefaultCommand(new String[] {"--help"}));
        assertArrayEquals(new String[] {"-V"}, Main.withDefaultCommand(new String[] {"-V"}));
    }
}
