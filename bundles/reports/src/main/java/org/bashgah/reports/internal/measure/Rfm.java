package org.bashgah.reports.internal.measure;

import java.util.Arrays;
import java.util.List;

/**
 * RFM scoring: every member who bought gets a score of 1 to 5 for recency (days since the last visit, fewer is
 * better), frequency (visits) and monetary value (total spend), by quintiles of the members scored together:
 * {@code score = 1 + min(4, floor(5 * worse / (n - 1)))}, where {@code worse} is how many of the other {@code n - 1}
 * members have a strictly worse value. So the best member gets 5 and the worst 1, ten members with different values
 * get two of each score, and equal values always get equal scores (when most members have one visit, they all have
 * F = 1; a single member, or members all alike, get 1). The named segment comes from R and F, on the usual RF grid.
 */
public final class Rfm {
    /** The segments in the order reports list them, best first. */
    public static final List<String> SEGMENTS = List.of("champions", "loyal", "potential-loyalists", "new",
        "promising", "need-attention", "about-to-sleep", "at-risk", "cannot-lose", "hibernating", "lost");

    /** The RF grid: row R5 first, column F1 first. */
    private static final String[][] GRID = {
        {"new", "potential-loyalists", "potential-loyalists", "champions", "champions"},
        {"promising", "potential-loyalists", "potential-loyalists", "loyal", "loyal"},
        {"about-to-sleep", "about-to-sleep", "need-attention", "loyal", "loyal"},
        {"hibernating", "hibernating", "at-risk", "at-risk", "cannot-lose"},
        {"lost", "lost", "at-risk", "at-risk", "cannot-lose"},
    };

    private final long[] recency;
    private final long[] frequency;
    private final long[] monetary;

    /** Scores against these members' values (any order; they are sorted here). */
    public Rfm(long[] recencyDays, long[] visits, long[] spend) {
        this.recency = sortedCopy(recencyDays);
        this.frequency = sortedCopy(visits);
        this.monetary = sortedCopy(spend);
    }

    public int members() {
        return recency.length;
    }

    /** Fewer days since the last visit is better: worse = members with more days. */
    public int recencyScore(long days) {
        return score(recency.length - upperBound(recency, days), recency.length);
    }

    public int frequencyScore(long visits) {
        return score(lowerBound(frequency, visits), frequency.length);
    }

    public int monetaryScore(long spend) {
        return score(lowerBound(monetary, spend), monetary.length);
    }

    /** The segment of an R and F score, each 1 to 5. */
    public static String segment(int r, int f) {
        if (r < 1 || r > 5 || f < 1 || f > 5) throw new IllegalArgumentException("scores are 1 to 5: R" + r + " F" + f);
        return GRID[5 - r][f - 1];
    }

    /**
     * The lowest and highest value that gets each score 1..5 (index 0..4), or null where no member has that score:
     * for recency in days (score 5 is the fewest days), for frequency in visits, for monetary in money.
     */
    public long[][] recencyRanges() {
        return ranges(recency, this::recencyScore);
    }

    public long[][] frequencyRanges() {
        return ranges(frequency, this::frequencyScore);
    }

    public long[][] monetaryRanges() {
        return ranges(monetary, this::monetaryScore);
    }

    private static long[][] ranges(long[] sorted, java.util.function.LongToIntFunction score) {
        long[][] out = new long[5][];
        for (long v : sorted) {
            int s = score.applyAsInt(v) - 1;
            if (out[s] == null) out[s] = new long[] {v, v};
            else {
                out[s][0] = Math.min(out[s][0], v);
                out[s][1] = Math.max(out[s][1], v);
            }
        }
        return out;
    }

    static int score(long worse, long n) {
        if (n == 0) throw new IllegalStateException("no members to score against");
        if (n == 1) return 1;
        return 1 + (int) Math.min(4, 5 * worse / (n - 1));
    }

    private static long[] sortedCopy(long[] values) {
        long[] copy = Arrays.copyOf(values, values.length);
        Arrays.sort(copy);
        return copy;
    }

    /** How many values are below {@code v}. */
    static int lowerBound(long[] sorted, long v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** How many values are at most {@code v}. */
    static int upperBound(long[] sorted, long v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
