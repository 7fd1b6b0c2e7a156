package org.bashgah.reports.internal.measure;

import java.math.BigDecimal;
import java.util.List;

/**
 * Competition ranks, highest value first: rank = 1 + how many have a strictly higher value, so ties share a rank
 * ("1, 2, 2, 4"); those without a value (null: no sales to compare with) come after every one with a value, tied.
 */
public final class Ranking {
    private Ranking() {
    }

    public static int[] ranks(List<BigDecimal> values) {
        int[] ranks = new int[values.size()];
        int withValue = (int) values.stream().filter(v -> v != null).count();
        for (int i = 0; i < ranks.length; i++) {
            BigDecimal v = values.get(i);
            if (v == null) {
                ranks[i] = withValue + 1;
                continue;
            }
            int higher = 0;
            for (BigDecimal other : values) if (other != null && other.compareTo(v) > 0) higher++;
            ranks[i] = higher + 1;
        }
        return ranks;
    }
}
