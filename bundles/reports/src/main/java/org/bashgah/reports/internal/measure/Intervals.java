package org.bashgah.reports.internal.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The purchase interval of a member with two or more visits: the days from the first visit's day to the last's,
 * shared over the gaps between visits, {@code days / (visits - 1)}, kept to two decimals (rounded down).
 */
public final class Intervals {
    private Intervals() {
    }

    /** The member's average days between purchases, or null with fewer than two visits. */
    public static BigDecimal of(long visits, LocalDate firstVisit, LocalDate lastVisit) {
        if (visits < 2 || firstVisit == null || lastVisit == null) return null;
        long days = ChronoUnit.DAYS.between(firstVisit, lastVisit);
        return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(visits - 1), 2, RoundingMode.DOWN);
    }
}
