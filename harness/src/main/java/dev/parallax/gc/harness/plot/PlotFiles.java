package dev.parallax.gc.harness.plot;

import java.nio.file.Path;
import java.util.List;

/**
 * What a command's plots produced.
 *
 * @param written the PNG files written, in order
 * @param skipped a sentence per chart not drawn, saying why (e.g. no collection recorded a pause)
 */
public record PlotFiles(List<Path> written, List<String> skipped) {
    public PlotFiles {
        written = List.copyOf(written);
        skipped = List.copyOf(skipped);
    }
}
