package dev.parallax.gc.runtime;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The valid name a misspelt one most likely meant, for "did you mean" hints: the candidate with the
 * smallest edit distance (Levenshtein, case-insensitive), if that distance is small for the name's
 * length (at most 1 for names up to 4 characters, else a third of the length, at most 3).
 */
public final class NearestName {
    private NearestName() {
    }

    /** The nearest of {@code candidates} to {@code typed}, or empty when none is close or it is itself valid. */
    public static Optional<String> of(String typed, Collection<String> candidates) {
        if (typed == null || candidates.contains(typed)) {
            return Optional.empty();
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        int limit = lower.length() <= 4 ? 1 : Math.min(3, lower.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)" or the empty string. */
    public static String hint(String typed, Collection<String> candidates) {
        return of(typed, candidates).map(n -> " (did you mean '" + n + "'?)").orElse("");
    }

    /** Levenshtein distance, with a transposition of neighbours counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
