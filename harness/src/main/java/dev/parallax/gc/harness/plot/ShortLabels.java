package dev.parallax.gc.harness.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart labels for strategy sets ("mark-sweep / precise+globals / low-bit / allocation"): the parts
 * in which the sets differ; the parts every set shares go once into the title instead.
 *
 * @param labels one per strategy set, in order
 * @param common the shared parts, e.g. "low-bit / allocation"; empty when there are none
 */
record ShortLabels(List<String> labels, String common) {
    private static final String SEPARATOR = " / ";

    static ShortLabels of(List<String> strategySets) {
        List<String[]> parts = strategySets.stream().map(s -> s.split(SEPARATOR)).toList();
        boolean alike = parts.size() > 1 && parts.stream().mapToInt(p -> p.length).distinct().count() == 1;
        if (!alike) {
            return new ShortLabels(List.copyOf(strategySets), "");
        }
        int width = parts.getFirst().length;
        List<Integer> differing = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            int column = i;
            if (parts.stream().allMatch(p -> p[column].equals(parts.getFirst()[column]))) {
                shared.add(parts.getFirst()[i]);
            } else {
                differing.add(i);
            }
        }
        if (differing.isEmpty()) { // identical sets: keep them whole
            return new ShortLabels(List.copyOf(strategySets), "");
        }
        List<String> labels = parts.stream().map(p -> String.join(SEPARATOR,
                differing.stream().map(i -> p[i]).toList())).toList();
        return new ShortLabels(labels, String.join(SEPARATOR, shared));
    }

    /** " (low-bit / allocation)" for a title, or nothing when no part is shared. */
    String titleSuffix() {
        return common.isEmpty() ? "" : " (" + common + ")";
    }
}
