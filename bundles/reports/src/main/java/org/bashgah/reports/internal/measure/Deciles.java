package org.bashgah.reports.internal.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Tenths of the members by value, the highest first: the member ranked {@code i} from the top (0-based) is in
 * decile {@code floor(10 * i / n) + 1}, so the best is always in decile 1; with fewer than ten members some deciles
 * are empty, and left out.
 */
public final class Deciles {
    private Deciles() {
    }

    /** One tenth: how many members, their lowest and highest value, and what their values add up to. */
    public record Decile(int decile, int members, long lowest, long highest, long sum) {
    }

    public static List<Decile> of(long[] ascending) {
        int n = ascending.length;
        List<Decile> out = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            // ranks ceil((d-1)n/10) up to ceil(dn/10), counted from the top
            int top = (int) (((long) (d - 1) * n + 9) / 10);
            int end = (int) (((long) d * n + 9) / 10);
            if (top >= end) continue;
            int lo = n - end;
            int hi = n - top;
            long sum = 0;
            for (int i = lo; i < hi; i++) sum += ascending[i];
            out.add(new Decile(d, hi - lo, ascending[lo], ascending[hi - 1], sum));
        }
        return out;
    }
}
