package org.bashgah.reports.internal.measure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whether a member is still coming: a member who bought is <em>churned</em> when they have made no visit in the last
 * {@code windowDays} days, today included (with a window of 90 days: last visit 90 or more days ago), and
 * <em>active</em> otherwise; a member who never bought is neither.
 */
public final class Activity {
    public enum Status { ACTIVE, CHURNED, NEVER }

    private Activity() {
    }

    /** Whole days from the last visit's day to today (0 for a visit today); -1 for a member who never bought. */
    public static long daysSince(LocalDate lastVisit, LocalDate today) {
        return lastVisit == null ? -1 : Math.max(0, ChronoUnit.DAYS.between(lastVisit, today));
    }

    public static Status status(LocalDate lastVisit, LocalDate today, int windowDays) {
        if (lastVisit == null) return Status.NEVER;
        return daysSince(lastVisit, today) >= windowDays ? Status.CHURNED : Status.ACTIVE;
    }
}
