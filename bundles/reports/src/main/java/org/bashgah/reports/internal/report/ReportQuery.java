package org.bashgah.reports.internal.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.Validation;
import org.bashgah.reports.internal.calendar.Bucket;
import org.bashgah.reports.internal.calendar.ClubCalendar;
import org.bashgah.reports.internal.measure.Rfm;

/**
 * A report request, read and checked: every parameter the request gave, parsed, with the defaults filled in. Built
 * only by {@link #read}, which refuses (400, naming every field at fault) a parameter the report does not take, a
 * value of the wrong form and a range of too many buckets.
 *
 * @param branch     the branch asked for (its own for a branch-bound caller), or null for the whole organisation
 * @param from       first day; for a snapshot the first day members joined on, or null for no limit
 * @param to         last day (included); for a snapshot the last day members joined on, or null
 * @param today      today in the organisation's zone: what snapshots are figured as of
 * @param days       the churn window or the expiring-soon days, as asked (null: the setting)
 * @param min        the member list's lowest value (points, money or days, by report), or null
 * @param parameters what the request gave, as given (the definition of a saved segment)
 */
public record ReportQuery(Report report, Organisation organisation, ClubCalendar calendar, String branch,
                          LocalDate from, LocalDate to, Bucket bucket, LocalDate today, Instant asOf, Integer days,
                          String format, String table, String segment, Integer r, Integer f, String status,
                          String tier, Long min, Long max, int limit, int offset, Map<String, String> parameters) {

    public static final Set<String> FORMATS = Set.of("json", "csv", "xlsx");
    public static final Set<String> STATUSES = Set.of("churned", "active", "never");
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_OFFSET = 100_000;

    /** The settings {@link #read} applies. */
    public record Limits(int rangeDays, int bucketsMax) {
    }

    /**
     * Reads the request's parameters for {@code report} (or for its member list, when {@code allowed} is its
     * {@link Report#memberParameters()}).
     *
     * @param branch the branch to report on, already checked against the caller and the organisation
     */
    public static ReportQuery read(Report report, Set<String> allowed, Map<String, List<String>> given,
                                   Organisation organisation, String branch, Instant now, Limits limits) {
        Validation v = new Validation();
        Map<String, String> p = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                v.add(e.getKey(), "is not a parameter of " + report.code() + " (it takes " + String.join(", ", allowed) + ")");
            } else if (e.getValue().size() != 1) {
                v.add(e.getKey(), "must be given once");
            } else {
                p.put(e.getKey(), e.getValue().get(0));
                v.text(e.getKey(), e.getValue().get(0), 200);
            }
        }
        v.throwIfInvalid();
        ClubCalendar calendar = ClubCalendar.of(organisation.calendar(), organisation.timeZone());
        LocalDate today = calendar.day(now);
        LocalDate from = date(v, calendar, "from", p.get("from"));
        LocalDate to = date(v, calendar, "to", p.get("to"));
        Bucket bucket = null;
        if (p.containsKey("bucket")) {
            bucket = Bucket.parse(p.get("bucket"));
            v.check(bucket != null, "bucket", "must be day, week or month");
        }
        String format = p.getOrDefault("format", "json");
        v.check(FORMATS.contains(format), "format", "must be json, csv or xlsx");
        Integer days = p.containsKey("days") ? (int) v.number("days", p.get("days"), 0, 1, 3660) : null;
        int limit = (int) v.number("limit", p.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = (int) v.number("offset", p.get("offset"), 0, 0, MAX_OFFSET);
        Integer r = p.containsKey("r") ? (int) v.number("r", p.get("r"), 0, 1, 5) : null;
        Integer f = p.containsKey("f") ? (int) v.number("f", p.get("f"), 0, 1, 5) : null;
        Long min = p.containsKey("min") ? v.number("min", p.get("min"), 0, 0, Validation.MAX_AMOUNT) : null;
        Long max = p.containsKey("max") ? v.number("max", p.get("max"), 0, 0, Validation.MAX_AMOUNT) : null;
        String segment = p.get("segment");
        v.check(segment == null || Rfm.SEGMENTS.contains(segment), "segment", "must be one of " + Rfm.SEGMENTS);
        String status = p.get("status");
        v.check(status == null || STATUSES.contains(status), "status", "must be churned, active or never");
        String tier = p.get("tier");
        v.check(tier == null || tier.matches("[A-Z][A-Z0-9_]{0,31}"), "tier", "must be a tier code such as GOLD");
        v.throwIfInvalid();
        v.check(min == null || max == null || min <= max, "max", "must not be below min");
        v.check(from == null || to == null || !to.isBefore(from), "to", "must not be before from");
        v.throwIfInvalid();

        switch (report.kind()) {
            case SERIES, PERIOD -> {
                if (to == null) to = from == null ? today : max(from, today);
                if (from == null) from = to.minusDays(limits.rangeDays() - 1);
                if (bucket == null) bucket = Bucket.DAY;
                // a member list (which takes no bucket) is not cut into buckets, so any range will do
                if (report.kind() == Report.Kind.SERIES && allowed.contains("bucket")
                        && calendar.count(from, to, bucket) > limits.bucketsMax()) {
                    v.add("bucket", "from " + from + " to " + to + " makes more than " + limits.bucketsMax() + " "
                        + bucket.code() + "s; ask for " + (bucket == Bucket.DAY ? "weeks or months" : "months")
                        + " or a shorter range");
                }
                if (report.kind() == Report.Kind.PERIOD && to.toEpochDay() - from.toEpochDay() >= 3660) {
                    v.add("from", "the period may be at most 3660 days");
                }
            }
            case COHORTS -> {
                if (bucket == null) bucket = Bucket.MONTH;
                if (to == null) to = from == null ? today : max(from, today);
                if (from == null) {
                    // twelve cohorts of the bucket by default, this one included
                    LocalDate start = calendar.bucketStart(to, bucket);
                    for (int i = 0; i < 11; i++) start = calendar.bucketStart(start.minusDays(1), bucket);
                    from = start;
                }
                LocalDate through = max(to, today);
                if (calendar.count(from, through, bucket) > limits.bucketsMax()) {
                    v.add("bucket", "cohorts from " + from + " followed to " + through + " make more than "
                        + limits.bucketsMax() + " " + bucket.code() + "s; ask for a coarser bucket or a later from");
                }
            }
            case SNAPSHOT -> {
                // from and to, when given, keep to the members who joined in them
            }
        }
        v.throwIfInvalid();
        return new ReportQuery(report, organisation, calendar, branch, from, to, bucket, today, now, days, format,
            p.get("table"), segment, r, f, status, tier, min, max, limit, offset, Map.copyOf(p));
    }

    private static LocalDate date(Validation v, ClubCalendar calendar, String field, String text) {
        if (text == null) return null;
        try {
            LocalDate d = calendar.parse(text);
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                v.add(field, "must be a day from 2000 to 2200");
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            v.add(field, e.getMessage() + (calendar.persian() ? " (Gregorian, or Jalali such as 1405-01-01)" : ""));
            return null;
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Whether the member joined within the snapshot's from..to (always, without them). */
    public boolean joinedWithin(LocalDate joined) {
        return (from == null || !joined.isBefore(from)) && (to == null || !joined.isAfter(to));
    }

    public String organisationId() {
        return organisation.id();
    }
}
