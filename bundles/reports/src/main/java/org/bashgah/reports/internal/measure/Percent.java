package org.bashgah.reports.internal.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares as percentages with two decimals, rounded down like every figure of Bashgah (66.66 for 2 of 3). */
public final class Percent {
    private Percent() {
    }

    /** {@code 100 * part / whole}, or null when {@code whole} is 0 (no share can be given). */
    public static BigDecimal of(long part, long whole) {
        if (whole == 0) return null;
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
    }

    /** Growth from {@code before} to {@code now} in percent ({@code -50.00} for a half), or null when before is 0. */
    public static BigDecimal growth(long before, long now) {
        if (before == 0) return null;
        return BigDecimal.valueOf(now - before).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(before), 2, RoundingMode.DOWN);
    }

    /** {@code sum / count} with one decimal, rounded down; null for no count. */
    public static BigDecimal average(BigDecimal sum, long count) {
        if (count == 0) return null;
        return sum.divide(BigDecimal.valueOf(count), 1, RoundingMode.DOWN);
    }
}
