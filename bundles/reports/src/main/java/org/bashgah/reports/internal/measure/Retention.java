package org.bashgah.reports.internal.measure;

import java.time.LocalDate;
import java.util.List;
import org.bashgah.reports.internal.calendar.Period;

/**
 * Retention by join cohort, rolling: the cohorts are the periods members joined in; a member of cohort {@code i} is
 * retained in period {@code k} (0 = the cohort's own period) when their last visit is on or after the first day of
 * the {@code k}-th period from theirs, that is, when they were still buying then or later. Read from each member's
 * day of joining and last visit alone, it never needs the purchase history; period 0 is the share of the cohort that
 * has bought at all since the cohort began.
 */
public final class Retention {
    private final List<Period> periods;
    private final int cohorts;
    /** [cohort][index of the period holding the last visit]: how many members. */
    private final long[][] lastIn;
    private final long[] size;

    /**
     * @param periods the consecutive periods from the first cohort's to today's; the first {@code cohorts} of them
     *                are the cohorts
     */
    public Retention(List<Period> periods, int cohorts) {
        if (cohorts > periods.size()) throw new IllegalArgumentException("more cohorts than periods");
        this.periods = periods;
        this.cohorts = cohorts;
        this.lastIn = new long[cohorts][periods.size()];
        this.size = new long[cohorts];
    }

    /** Counts a member; those who joined outside the cohorts are left out. */
    public void add(LocalDate joined, LocalDate lastVisit) {
        int c = indexOf(joined);
        if (c < 0 || c >= cohorts) return;
        size[c]++;
        if (lastVisit == null || lastVisit.isBefore(periods.get(c).from())) return;
        int p = indexOf(lastVisit);
        lastIn[c][p < 0 ? periods.size() - 1 : p]++;
    }

    /** Index of the period holding the day; -1 before the first; the last period for a day after it. */
    private int indexOf(LocalDate day) {
        if (day.isBefore(periods.get(0).from())) return -1;
        int lo = 0;
        int hi = periods.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (periods.get(mid).from().isAfter(day)) hi = mid - 1;
            else lo = mid;
        }
        return lo;
    }

    public long size(int cohort) {
        return size[cohort];
    }

    /** Members of the cohort retained in each period from theirs to the last: {@code [k]} for period {@code c + k}. */
    public long[] retained(int cohort) {
        int n = periods.size() - cohort;
        long[] out = new long[n];
        long running = 0;
        for (int k = n - 1; k >= 0; k--) {
            running += lastIn[cohort][cohort + k];
            out[k] = running;
        }
        return out;
    }
}
