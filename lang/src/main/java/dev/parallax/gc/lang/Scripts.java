package dev.parallax.gc.lang;

import dev.parallax.gc.lang.check.Checker;
import dev.parallax.gc.lang.ir.CheckedScript;
import dev.parallax.gc.lang.syntax.Parser;
import dev.parallax.gc.lang.syntax.SourceFile;

import java.io.IOException;
import java.nio.file.Path;

/** Reading scripts: parse and check in one step. */
public final class Scripts {
    private Scripts() {
    }

    /** Parses and checks {@code source}. @throws ScriptException at the first syntax or type error */
    public static CheckedScript check(SourceFile source) {
        return Checker.check(Parser.parse(source));
    }

    /** Reads, parses and checks a script file. */
    public static CheckedScript load(Path file) throws IOException {
        return check(SourceFile.read(file));
    }
}
