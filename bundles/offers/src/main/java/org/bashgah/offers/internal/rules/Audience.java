package org.bashgah.offers.internal.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberStats;
import org.bashgah.offers.internal.offer.OfferDefinition.Condition;

/** Whether a member, with these aggregates at this moment, is in an offer's audience. No condition: everyone. */
public final class Audience {
    public static final List<String> METRICS = List.of("visits", "totalSpend", "averageSpend", "daysSinceLastVisit",
        "membershipDays");
    public static final List<String> OPS = List.of("gt", "gte", "lt", "lte", "eq");

    private Audience() {
    }

    /**
     * Who is in a saved segment of bashgah-reports, for one organisation ({@code inSegment}); a lookup per member
     * asked, made only when the conditions before it in an {@code all} hold.
     */
    @FunctionalInterface
    public interface SegmentMembers {
        /** No segment holds anyone: what {@code inSegment} sees while bashgah-reports is not installed. */
        SegmentMembers NONE = (segment, member) -> false;

        boolean contains(String segmentId, String memberId);
    }

    /** As {@link #matches(Condition, Member, MemberStats, ZonedDateTime, SegmentMembers)}, with no segments. */
    public static boolean matches(Condition c, Member member, MemberStats stats, ZonedDateTime at) {
        return matches(c, member, stats, at, SegmentMembers.NONE);
    }

    public static boolean matches(Condition c, Member member, MemberStats stats, ZonedDateTime at,
                                  SegmentMembers segments) {
        if (c == null) return true;
        if (c.all() != null) return c.all().stream().allMatch(x -> matches(x, member, stats, at, segments));
        if (c.any() != null) return c.any().stream().anyMatch(x -> matches(x, member, stats, at, segments));
        if (c.not() != null) return !matches(c.not(), member, stats, at, segments);
        if (c.metric() != null) return compare(metric(c.metric(), member, stats, at.toInstant()), c.op(), c.value());
        if (c.tierIn() != null) return c.tierIn().contains(member.tier());
        if (c.bought() != null) return c.bought().stream().anyMatch(g -> bought(stats, g));
        if (c.neverBought() != null) return c.neverBought().stream().noneMatch(g -> bought(stats, g));
        if (c.visited() != null) return c.visited().stream().anyMatch(b -> visited(stats, b));
        if (c.birthdayWithinDays() != null) return birthdayWithin(member, at.toLocalDate(), c.birthdayWithinDays());
        if (c.taggedAny() != null) return c.taggedAny().stream().anyMatch(member.tags()::contains);
        if (c.inSegment() != null) return segments.contains(c.inSegment(), member.id());
        return true;
    }

    /** A member's number, as of {@code now}. Without a visit, the days since the last one count from joining. */
    static long metric(String name, Member member, MemberStats stats, Instant now) {
        return switch (name) {
            case "visits" -> stats.visits();
            case "totalSpend" -> stats.totalSpend();
            case "averageSpend" -> stats.averageSpend();
            case "daysSinceLastVisit" -> days(stats.lastVisit() != null ? stats.lastVisit() : member.joinedAt(), now);
            case "membershipDays" -> days(member.joinedAt(), now);
            default -> throw new IllegalArgumentException("unknown metric " + name);
        };
    }

    private static long days(Instant since, Instant now) {
        if (since == null || since.isAfter(now)) return 0;
        return Duration.between(since, now).toDays();
    }

    private static boolean compare(long actual, String op, BigDecimal value) {
        int c = BigDecimal.valueOf(actual).compareTo(value);
        return switch (op) {
            case "gt" -> c > 0;
            case "gte" -> c >= 0;
            case "lt" -> c < 0;
            case "lte" -> c <= 0;
            case "eq" -> c == 0;
            default -> throw new IllegalArgumentException("unknown op " + op);
        };
    }

    private static boolean bought(MemberStats stats, String group) {
        MemberStats.Counter counter = stats.productGroups().get(group);
        return counter != null && counter.count() > 0;
    }

    private static boolean visited(MemberStats stats, String branch) {
        MemberStats.Counter counter = stats.branches().get(branch);
        return counter != null && counter.count() > 0;
    }

    /** The next birthday (Feb 29 falls on Feb 28 in other years) is today or within {@code days}. */
    static boolean birthdayWithin(Member member, LocalDate today, int days) {
        if (member.birthDate() == null) return false;
        MonthDay birthday = MonthDay.from(member.birthDate());
        LocalDate next = birthday.atYear(today.getYear());
        if (next.isBefore(today)) next = birthday.atYear(today.getYear() + 1);
        return ChronoUnit.DAYS.between(today, next) <= days;
    }
}
