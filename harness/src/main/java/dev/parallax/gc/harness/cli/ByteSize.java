package dev.parallax.gc.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size option of a command ("256k", "64m", "1g", "4096"), read as the config file reads its sizes. */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})([kKmMgG]?)");

    private ByteSize() {
    }

    /**
     * @throws ParameterException naming {@code option} when {@code text} is not a size
     */
    static long parse(CommandLine commandLine, String option, String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new ParameterException(commandLine, option + ": '" + text + "' is not a size like 256k, 64m or 1g");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        long n = Long.parseLong(m.group(1));
        if (n > Long.MAX_VALUE >> shift) {
            throw new ParameterException(commandLine, option + ": '" + text + "' is more than 63 bits can count");
        }
        return n << shift;
    }
}
