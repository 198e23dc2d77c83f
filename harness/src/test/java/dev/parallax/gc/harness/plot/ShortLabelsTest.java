package dev.parallax.gc.harness.plot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShortLabelsTest {
    @Test
    void partsEveryStrategySetSharesGoToTheTitle() {
        ShortLabels labels = ShortLabels.of(List.of("mark-sweep / precise+globals / low-bit / allocation",
                "mark-sweep / conservative+globals / low-bit / allocation",
                "incremental / precise+globals / low-bit / allocation"));
        assertEquals(List.of("mark-sweep / precise+globals", "mark-sweep / conservative+globals",
                "incremental / precise+globals"), labels.labels());
        assertEquals(" (low-bit / allocation)", labels.titleSuffix());
    }

    @Test
    void aSingleOrIdenticalSetIsKeptWhole() {
        String one = "mark-sweep / precise+globals / low-bit / allocation";
        assertEquals(List.of(one), ShortLabels.of(List.of(one)).labels());
        assertEquals(List.of(one, one), ShortLabels.of(List.of(one, one)).labels());
        assertEquals("", ShortLabels.of(List.of(one, one)).titleSuffix());
    }
}
