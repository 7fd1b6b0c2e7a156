package org.bashgah.reports.internal.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts values into bands given by their lower bounds: bounds {@code 0, 1, 100} make the bands {@code 0},
 * {@code 1-99} and {@code 100+}. A value below the first bound falls in the first band.
 */
public final class Bands {
    private final long[] lower;
    private final long[] members;
    private final long[] sums;

    public Bands(long... lower) {
        for (int i = 1; i < lower.length; i++) {
            if (lower[i] <= lower[i - 1]) throw new IllegalArgumentException("bounds must ascend");
        }
        this.lower = lower.clone();
        this.members = new long[lower.length];
        this.sums = new long[lower.length];
    }

    /** Counts one value; returns its band's index. */
    public int add(long value) {
        int i = indexOf(value);
        members[i]++;
        sums[i] += value;
        return i;
    }

    public int indexOf(long value) {
        int i = lower.length - 1;
        while (i > 0 && value < lower[i]) i--;
        return i;
    }

    /** One band: its label ({@code 1-99}, {@code 100+}, or {@code 0} for a band of one value), bounds and counts. */
    public record Band(String band, long from, Long to, long members, long sum) {
    }

    public List<Band> bands() {
        List<Band> out = new ArrayList<>();
        for (int i = 0; i < lower.length; i++) {
            Long to = i + 1 < lower.length ? lower[i + 1] - 1 : null;
            String label = to == null ? lower[i] + "+" : to == lower[i] ? String.valueOf(lower[i]) : lower[i] + "-" + to;
            out.add(new Band(label, lower[i], to, members[i], sums[i]));
        }
        return out;
    }
}
