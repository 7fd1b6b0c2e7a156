package org.bashgah.reports.internal.measure;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Customer lifetime value. <em>Historical</em>: what the member has spent, net of refunds. <em>Predicted</em> (a
 * simple run rate): what an active member will spend in the next {@code horizonDays} at the pace they have kept since
 * their first visit, {@code floor(totalSpend * horizonDays / max(tenureDays, windowDays))}, where tenure counts the
 * days from the first visit to today, both included, and the churn window is the least tenure counted (so one visit
 * yesterday is not taken for a visit a day). A churned member, or one who never bought, is predicted 0.
 */
public final class Lifetime {
    private Lifetime() {
    }

    public static long tenureDays(LocalDate firstVisit, LocalDate today) {
        return ChronoUnit.DAYS.between(firstVisit, today) + 1;
    }

    public static long predicted(long totalSpend, LocalDate firstVisit, LocalDate lastVisit, LocalDate today,
                                 int windowDays, int horizonDays) {
        if (Activity.status(lastVisit, today, windowDays) != Activity.Status.ACTIVE || totalSpend <= 0) return 0;
        long days = Math.max(tenureDays(firstVisit, today), windowDays);
        // exact, then rounded down: spend up to 10^15 times a horizon of years would pass a long
        return BigInteger.valueOf(totalSpend).multiply(BigInteger.valueOf(horizonDays))
            .divide(BigInteger.valueOf(days)).longValueExact();
    }
}
