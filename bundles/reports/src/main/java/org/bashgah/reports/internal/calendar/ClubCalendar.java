package org.bashgah.reports.internal.calendar;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An organisation's calendar and time zone, as reports cut time: days start at midnight in the zone; a Persian
 * (Jalali) calendar has Jalali months and weeks from Saturday to Friday, a Gregorian one Gregorian months and ISO
 * weeks (Monday to Sunday). The Jalali arithmetic is ICU4J's {@link PersianCalendar}. Not thread-safe: one per
 * report.
 */
public final class ClubCalendar {
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    /** Years below this are Jalali years when the calendar is Persian (1405 is 2026). */
    private static final int LAST_JALALI_YEAR = 1699;

    private final boolean persian;
    private final ZoneId zone;
    private final Calendar calendar;
    private final SimpleDateFormat dayName;
    private final SimpleDateFormat monthName;

    private ClubCalendar(boolean persian, ZoneId zone) {
        this.persian = persian;
        this.zone = zone;
        // the calendar only converts dates, so it works in UTC on each date's noon: no zone or DST can shift a day
        this.calendar = persian ? new PersianCalendar(TimeZone.GMT_ZONE, ULocale.ROOT)
            : new GregorianCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
        this.calendar.setLenient(false);
        ULocale locale = persian ? new ULocale("fa_IR@calendar=persian") : new ULocale("en_GB@calendar=gregorian");
        this.dayName = new SimpleDateFormat("d MMMM y", locale);
        this.monthName = new SimpleDateFormat("MMMM y", locale);
        dayName.setTimeZone(TimeZone.GMT_ZONE);
        monthName.setTimeZone(TimeZone.GMT_ZONE);
    }

    /**
     * The calendar an organisation names ({@code persian}, also {@code jalali}, in any case; anything else is
     * Gregorian) in its time zone.
     */
    public static ClubCalendar of(String calendar, String timeZone) {
        String c = calendar == null ? "" : calendar.strip().toLowerCase(Locale.ROOT);
        return new ClubCalendar(c.equals("persian") || c.equals("jalali"), ZoneId.of(timeZone));
    }

    public boolean persian() {
        return persian;
    }

    public String code() {
        return persian ? "persian" : "gregorian";
    }

    public ZoneId zone() {
        return zone;
    }

    /** The day a moment falls on, in the organisation's zone. */
    public LocalDate day(Instant moment) {
        return moment.atZone(zone).toLocalDate();
    }

    /** Midnight at the start of a day, in the organisation's zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The first day of the bucket that holds {@code day}. */
    public LocalDate bucketStart(LocalDate day, Bucket bucket) {
        return switch (bucket) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(persian ? DayOfWeek.SATURDAY : DayOfWeek.MONDAY));
            case MONTH -> {
                set(day);
                calendar.set(Calendar.DAY_OF_MONTH, 1);
                yield get();
            }
        };
    }

    /** The first day of the bucket after the one that starts on {@code start}. */
    public LocalDate nextBucket(LocalDate start, Bucket bucket) {
        return switch (bucket) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> {
                set(start);
                calendar.set(Calendar.DAY_OF_MONTH, 1);
                calendar.add(Calendar.MONTH, 1);
                yield get();
            }
        };
    }

    /**
     * The buckets of the days {@code from} to {@code last} (both included), in order; the first starts at
     * {@code from} and the last ends after {@code last}, so they may be partial.
     */
    public List<Period> periods(LocalDate from, LocalDate last, Bucket bucket) {
        List<Period> out = new ArrayList<>();
        LocalDate start = bucketStart(from, bucket);
        LocalDate end = last.plusDays(1);
        while (start.isBefore(end)) {
            LocalDate next = nextBucket(start, bucket);
            out.add(new Period(label(start, bucket), name(start, bucket), start.isBefore(from) ? from : start,
                next.isAfter(end) ? end : next));
            start = next;
        }
        return out;
    }

    /** How many buckets {@link #periods} would give, without making them. */
    public long count(LocalDate from, LocalDate last, Bucket bucket) {
        return switch (bucket) {
            case DAY -> last.toEpochDay() - from.toEpochDay() + 1;
            case WEEK -> (bucketStart(last, bucket).toEpochDay() - bucketStart(from, bucket).toEpochDay()) / 7 + 1;
            case MONTH -> {
                long n = 0;
                for (LocalDate s = bucketStart(from, bucket); !s.isAfter(last); s = nextBucket(s, bucket)) n++;
                yield n;
            }
        };
    }

    /** {@code 1405-01-07} or {@code 1405-01} in the organisation's calendar (Gregorian: {@code 2026-03-27}). */
    public String label(LocalDate start, Bucket bucket) {
        set(start);
        int year = calendar.get(Calendar.EXTENDED_YEAR);
        int month = calendar.get(Calendar.MONTH) + 1;
        return bucket == Bucket.MONTH ? String.format(Locale.ROOT, "%04d-%02d", year, month)
            : String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, calendar.get(Calendar.DAY_OF_MONTH));
    }

    /** The day in the organisation's calendar, {@code yyyy-mm-dd}. */
    public String label(LocalDate day) {
        return label(day, Bucket.DAY);
    }

    /** {@code فروردین ۱۴۰۵} (a month) or {@code ۷ فروردین ۱۴۰۵} (a day, or the week starting then). */
    public String name(LocalDate start, Bucket bucket) {
        Date noon = new Date(start.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
        return (bucket == Bucket.MONTH ? monthName : dayName).format(noon);
    }

    /**
     * Reads a date {@code yyyy-mm-dd}: Gregorian (ISO-8601), or, when the calendar is Persian and the year is below
     * 1700, Jalali ({@code 1405-01-01} is 2026-03-21).
     *
     * @throws IllegalArgumentException when it is no such date
     */
    public LocalDate parse(String text) {
        Matcher m = text == null ? null : DATE.matcher(text.strip());
        if (m == null || !m.matches()) throw new IllegalArgumentException("is not a date yyyy-mm-dd");
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (!persian || year > LAST_JALALI_YEAR) {
            try {
                return LocalDate.of(year, month, day);
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("is not a date yyyy-mm-dd");
            }
        }
        Calendar jalali = new PersianCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
        jalali.setLenient(false);
        jalali.clear();
        jalali.set(Calendar.EXTENDED_YEAR, year);
        jalali.set(Calendar.MONTH, month - 1);
        jalali.set(Calendar.DAY_OF_MONTH, day);
        jalali.set(Calendar.HOUR_OF_DAY, 12);
        try {
            return Instant.ofEpochMilli(jalali.getTimeInMillis()).atZone(ZoneOffset.UTC).toLocalDate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a Jalali date yyyy-mm-dd");
        }
    }

    private void set(LocalDate day) {
        calendar.clear();
        calendar.setTimeInMillis(day.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    private LocalDate get() {
        calendar.set(Calendar.HOUR_OF_DAY, 12);
        return Instant.ofEpochMilli(calendar.getTimeInMillis()).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
