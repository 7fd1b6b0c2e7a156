package org.bashgah.reports.internal.calendar;

import java.time.LocalDate;

/**
 * One bucket of a report's range: the days [{@code from}, {@code to}), which is the whole of a day, week or month of
 * the calendar except where the range cuts it (the first and the last bucket may be partial).
 *
 * @param label a sortable code in the organisation's calendar: {@code 1405-01-07} (a day, or the week that starts
 *              then), {@code 1405-01} (a month); Gregorian dates for a Gregorian calendar
 * @param name  the same for people: {@code فروردین ۱۴۰۵}, {@code 7 فروردین ۱۴۰۵}, {@code March 2026}
 */
public record Period(String label, String name, LocalDate from, LocalDate to) {

    /** The last day of the period. */
    public LocalDate last() {
        return to.minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(to);
    }
}
