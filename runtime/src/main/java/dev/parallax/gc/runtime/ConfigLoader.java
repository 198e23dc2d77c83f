package dev.parallax.gc.runtime;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.StressMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link GcConfig} from the defaults, overridden by a config file, overridden by flags.
 *
 * <p>The file has one {@code key = value} (or {@code key: value}, as in Java properties files) per
 * line; blank lines and lines starting with {@code #} or {@code !} are ignored. Keys: {@value #KEY_LIST}; any key containing a dot is a strategy option
 * (e.g. {@code incremental.budget}). Sizes are byte counts with an optional {@code k}, {@code m} or
 * {@code g} suffix ({@code 64m}); counts ({@code stack}, {@code globals}, {@code mutators}, {@code stress-interval})
 * accept the same suffixes; booleans are exactly {@code true} or {@code false}; durations
 * ({@code safepoint-timeout}) are a whole number with a unit: {@code 250ms}, {@code 30s}, {@code 2m}.
 *
 * <p>Every problem (unknown key, bad value, unreadable file, malformed line, a key set twice in
 * the file) is a {@link GcConfigException} naming the key, the value, and the file and line.
 */
public final class ConfigLoader {
    static final String KEY_LIST = "collector, roots, tags, safepoints, heap, tlab, stack, globals, mutators, debug, "
            + "object-ids, stress, stress-interval, safepoint-timeout";
    private static final List<String> KEYS = Arrays.asList(KEY_LIST.split(", "));
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kKmMgG]?)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");
    private static final Pattern STRATEGY_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private ConfigLoader() {
    }

    /**
     * @param configFileOrNull a Java-properties style file, or null for none
     * @param flags            key to value, e.g. from {@code --heap=64m}; override the file
     */
    public static GcConfig load(Path configFileOrNull, Map<String, String> flags) {
        return load(null, configFileOrNull, flags);
    }

    /**
     * As {@link #load(Path, Map)}, with a {@link Profile}'s settings beneath the file and the flags.
     *
     * @param profileOrNull the profile whose settings replace the defaults, or null
     */
    public static GcConfig load(Profile profileOrNull, Path configFileOrNull, Map<String, String> flags) {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> origins = new HashMap<>();
        if (configFileOrNull != null) {
            readFile(configFileOrNull, settings, origins);
        }
        if (profileOrNull != null) {
            profileOrNull.settings().forEach((key, value) -> {
                if (settings.putIfAbsent(key, value) == null) {
                    origins.put(key, "profile " + profileOrNull.profileName());
                }
            });
        }
        flags.forEach((key, value) -> {
            checkKey(key, "flag --" + key);
            settings.put(key, value.strip());
            origins.put(key, "flag --" + key);
        });
        return build(settings, origins);
    }

    private static void readFile(Path file, Map<String, String> settings, Map<String, String> origins) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new GcConfigException("cannot read config file " + file + ": " + e, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = "config file " + file + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = separator(line);
            if (eq <= 0) {
                throw new GcConfigException(where + ": expected key = value (or key: value), found '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            checkKey(key, where);
            if (origins.containsKey(key)) {
                throw new GcConfigException(where + ": key '" + key + "' is already set (" + origins.get(key) + ")");
            }
            settings.put(key, line.substring(eq + 1).strip());
            origins.put(key, where);
        }
    }

    /** The index of the first '=' or ':', -1 when there is neither. */
    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    private static void checkKey(String key, String where) {
        if (!KEYS.contains(key) && !isOption(key)) {
            throw new GcConfigException(where + ": unknown key '" + key + "'; valid keys: " + KEY_LIST
                    + ", or a strategy option containing a dot (like incremental.budget)");
        }
    }

    private static boolean isOption(String key) {
        return key.indexOf('.') > 0 && !key.endsWith(".") && key.chars().noneMatch(Character::isWhitespace);
    }

    private static GcConfig build(Map<String, String> settings, Map<String, String> origins) {
        GcConfig defaults = GcConfig.defaults();
        Values v = new Values(settings, origins);
        long heap = v.size("heap", defaults.heapBytes());
        long defaultTlab = Math.min(defaults.tlabBytes(), Math.max(256, heap / 4 & ~7L));
        Map<String, String> options = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (isOption(key)) {
                options.put(key, value);
            }
        });
        try {
            return new GcConfig(v.name("collector", defaults.collector()), v.names("roots", defaults.roots()),
                    v.name("tags", defaults.tags()), v.name("safepoints", defaults.safepoints()), heap,
                    v.size("tlab", defaultTlab), v.count("stack", defaults.stackWords()),
                    v.count("globals", defaults.globalCells()), v.count("mutators", defaults.maxMutators()),
                    v.bool("debug", defaults.debug()), v.bool("object-ids", defaults.objectIds()),
                    v.stress("stress", defaults.stress()), v.count("stress-interval", defaults.stressInterval()),
                    v.millis("safepoint-timeout", defaults.safepointTimeoutMillis()), options);
        } catch (GcConfigException e) {
            String key = e.getMessage().substring(0, Math.max(0, e.getMessage().indexOf(':')));
            String origin = origins.get(key);
            throw origin == null ? e : new GcConfigException(origin + ": " + e.getMessage(), e);
        }
    }

    /** Typed reads of the settings, each falling back to a default and naming its origin when it fails. */
    private record Values(Map<String, String> settings, Map<String, String> origins) {
        String name(String key, String fallback) {
            String value = settings.get(key);
            if (value == null) {
                return fallback;
            }
            if (!STRATEGY_NAME.matcher(value).matches()) {
                throw bad(key, value, "a strategy name (lower-case letters, digits and dashes)");
            }
            return value;
        }

        List<String> names(String key, List<String> fallback) {
            String value = settings.get(key);
            if (value == null) {
                return fallback;
            }
            List<String> names = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
            for (String n : names) {
                if (!STRATEGY_NAME.matcher(n).matches()) {
                    throw bad(key, value, "a comma-separated list of strategy names");
                }
            }
            return names;
        }

        long size(String key, long fallback) {
            String value = settings.get(key);
            return value == null ? fallback : parseSize(key, value);
        }

        int count(String key, int fallback) {
            String value = settings.get(key);
            if (value == null) {
                return fallback;
            }
            long n = parse(key, value, "a count like 4096 or 64k (a whole number, optionally with k, m or g)");
            if (n > Integer.MAX_VALUE) {
                throw bad(key, value, "a count of at most " + Integer.MAX_VALUE);
            }
            return (int) n;
        }

        boolean bool(String key, boolean fallback) {
            String value = settings.get(key);
            if (value == null) {
                return fallback;
            }
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw bad(key, value, "true or false");
            };
        }

        StressMode stress(String key, StressMode fallback) {
            String value = settings.get(key);
            if (value == null) {
                return fallback;
            }
            return switch (value) {
                case "off" -> StressMode.OFF;
                case "allocation" -> StressMode.ALLOCATION;
                case "poll" -> StressMode.POLL;
                default -> throw bad(key, value, "off, allocation or poll");
            };
        }

        /** A duration in milliseconds: a whole number with the unit ms, s or m. */
        long millis(String key, long fallback) {
            String value = settings.get(key);
            if (value == null) {
                return fallback;
            }
            Matcher m = DURATION.matcher(value);
            String expected = "a duration like 250ms, 30s or 2m (a whole number with the unit ms, s or m)";
            if (!m.matches()) {
                throw bad(key, value, expected);
            }
            long unit = switch (m.group(2)) {
                case "s" -> 1000;
                case "m" -> 60_000;
                default -> 1;
            };
            try {
                return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
            } catch (ArithmeticException | NumberFormatException e) {
                throw bad(key, value, "a duration that fits in 63 bits of milliseconds");
            }
        }

        private long parseSize(String key, String value) {
            return parse(key, value, "a size like 64m, 512k, 1g or 123456");
        }

        /** A whole number with an optional k, m or g suffix; {@code expected} describes it in the error. */
        private long parse(String key, String value, String expected) {
            Matcher m = SIZE.matcher(value);
            if (!m.matches()) {
                throw bad(key, value, expected);
            }
            int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            try {
                long n = Long.parseLong(m.group(1));
                if (n > (Long.MAX_VALUE >> shift)) {
                    throw new NumberFormatException();
                }
                return n << shift;
            } catch (NumberFormatException e) {
                throw bad(key, value, "a size that fits in 63 bits");
            }
        }

        private GcConfigException bad(String key, String value, String expected) {
            return new GcConfigException(origins.get(key) + ": " + key + " = '" + value + "' is not " + expected);
        }
    }
}
