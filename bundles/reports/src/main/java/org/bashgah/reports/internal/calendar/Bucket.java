package org.bashgah.reports.internal.calendar;

import java.util.Locale;

/** How a report cuts its date range: by day, by week or by month of the organisation's calendar. */
public enum Bucket {
    DAY, WEEK, MONTH;

    /** {@code day}, {@code week} or {@code month} (any case); null for anything else. */
    public static Bucket parse(String text) {
        if (text == null) return null;
        for (Bucket b : values()) if (b.name().equalsIgnoreCase(text.strip())) return b;
        return null;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
