package dev.parallax.gc.lang.run;

import dev.parallax.gc.lang.syntax.Ast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a script's {@code option NAME "VALUE";} lines mean for the runtime: MMTk Harness options
 * mapped onto our configuration keys, our own keys taken as they are, and a warning naming every
 * option that has no counterpart (never a silent ignore).
 *
 * <p>Mapped: {@code initHeap}, {@code maxHeap} and {@code heap} (the heap size; the larger of the
 * two MMTk sizes wins, since our heap does not grow), {@code plan} (MMTk's plan names or classes for
 * mark-sweep and mark-compact, or one of our collector names), {@code gcEvery} ({@code ALLOC}: a
 * collection at every allocation, {@code SAFEPOINT}: at every poll, {@code NONE}/{@code DEFAULT}: off)
 * and every key of our configuration ({@code collector}, {@code roots}, {@code tags}, {@code safepoints},
 * {@code stress}, strategy options with a dot...).
 */
public final class ScriptOptions {
    private static final Set<String> OUR_KEYS = Set.of("collector", "roots", "tags", "safepoints", "heap", "tlab",
            "stack", "globals", "mutators", "debug", "object-ids", "stress", "stress-interval");
    private static final Map<String, String> PLANS = Map.of(
            "ms", "mark-sweep", "marksweep", "mark-sweep", "org.mmtk.plan.marksweep.ms", "mark-sweep",
            "mc", "mark-compact", "markcompact", "mark-compact", "org.mmtk.plan.markcompact.mc", "mark-compact");

    private ScriptOptions() {
    }

    /**
     * The configuration keys the options ask for, and the warnings for the options dropped.
     *
     * @param keys     config keys and values, to apply over the configuration's file and under its flags
     * @param warnings one line per option we do not support, {@code file:line:col: option 'x' ...}
     */
    public record Mapping(Map<String, String> keys, List<String> warnings) {
    }

    public static Mapping map(String file, List<Ast.OptionLine> options) {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long largestHeap = -1;
        for (Ast.OptionLine o : options) {
            String where = file + ":" + o.pos() + ": ";
            String value = o.value().strip();
            switch (o.name()) {
                case "initHeap", "maxHeap", "heap" -> {
                    long bytes = size(value);
                    if (bytes < 0) {
                        warnings.add(where + "option '" + o.name() + "' has a size we cannot read: \"" + value
                                + "\" (use e.g. 512k, 64m, 1g); ignored");
                    } else if (bytes > largestHeap) {
                        largestHeap = bytes;
                    }
                }
                case "plan" -> {
                    String plan = value.toLowerCase(Locale.ROOT);
                    String collector = PLANS.getOrDefault(plan, plan.contains(".") || plan.isEmpty() ? null : plan);
                    if (collector == null) {
                        warnings.add(where + "option 'plan' names MMTk plan \"" + value
                                + "\", which has no counterpart here; the configured collector runs");
                    } else {
                        keys.put("collector", collector);
                    }
                }
                case "gcEvery" -> {
                    switch (value.toUpperCase(Locale.ROOT)) {
                        case "ALLOC" -> {
                            keys.put("stress", "allocation");
                            keys.put("stress-interval", "1");
                        }
                        case "SAFEPOINT" -> {
                            keys.put("stress", "poll");
                            keys.put("stress-interval", "1");
                        }
                        case "NONE", "DEFAULT" -> keys.put("stress", "off");
                        default -> warnings.add(where + "option 'gcEvery' value \"" + value
                                + "\" is not supported (ALLOC, SAFEPOINT, NONE); ignored");
                    }
                }
                default -> {
                    if (OUR_KEYS.contains(o.name()) || o.name().contains(".")) {
                        keys.put(o.name(), value);
                    } else {
                        warnings.add(where + "option '" + o.name() + "' is not supported; ignored");
                    }
                }
            }
        }
        if (largestHeap >= 0) {
            keys.put("heap", Long.toString(largestHeap));
        }
        return new Mapping(keys, warnings);
    }

    /** "64m", "512k", "1g", "4096" (bytes) or MMTk's "20M"; -1 when unreadable. */
    static long size(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                default -> 1L << 30;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            return n < 0 || n > (1L << 40) ? -1 : n * unit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
