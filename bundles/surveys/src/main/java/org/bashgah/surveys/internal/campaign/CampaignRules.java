package org.bashgah.surveys.internal.campaign;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.bashgah.core.api.Validation;

/**
 * A campaign's defaults and limits, and how a change (POST or PATCH: the fields given) is checked and laid over
 * what a campaign was. Every field at fault is named in one 400.
 */
public final class CampaignRules {
    public static final int MAX_BRANCHES = 200;
    public static final int MAX_TIERS = 20;
    private static final String TIER = "[A-Z][A-Z0-9_]{0,31}";
    private static final List<String> ALL_DAYS = Arrays.stream(DayOfWeek.values()).map(Enum::name).toList();

    /** What a campaign is until told otherwise: call every purchaser a day later, 10:00-20:00, every day. */
    public static final Campaign DEFAULTS = new Campaign(0, null, 0, true, List.of(), List.of(), false, 100, null, 24,
        "10:00", "20:00", ALL_DAYS, 50, 60, 3, 120, 15, 7, null, null, null);

    private CampaignRules() {
    }

    /** A POST or PATCH body: every field may be left out (null), and then keeps its value. */
    public record Change(String name, Long questionnaire, Boolean active, List<String> branches, List<String> tiers,
                         Boolean firstPurchaseOnly, Integer samplePercent, String segment, Integer delayHours,
                         String callFrom, String callUntil, List<String> callDays, Integer callsPerOperatorPerDay,
                         Integer minDaysBetweenCalls, Integer maxAttempts, Integer retryNoAnswerMinutes,
                         Integer retryBusyMinutes, Integer giveUpAfterDays, String apologyOffer) {
    }

    /**
     * Checks the change into {@code v} and lays it over {@code base}; {@code apologyOffer: ""} removes the offer,
     * {@code segment: ""} the segment.
     * The result is only meaningful when {@code v} is ok.
     */
    public static Campaign apply(Validation v, Campaign base, Change c) {
        v.name("name", c.name(), 100)
            .check(c.name() == null || !c.name().isBlank(), "name", "must not be blank")
            .check(c.questionnaire() == null || c.questionnaire() > 0, "questionnaire", "must be a questionnaire id");
        range(v, "samplePercent", c.samplePercent(), 1, 100);
        range(v, "delayHours", c.delayHours(), 0, 2160);
        range(v, "callsPerOperatorPerDay", c.callsPerOperatorPerDay(), 1, 1000);
        range(v, "minDaysBetweenCalls", c.minDaysBetweenCalls(), 0, 3650);
        range(v, "maxAttempts", c.maxAttempts(), 1, 10);
        range(v, "retryNoAnswerMinutes", c.retryNoAnswerMinutes(), 1, 10080);
        range(v, "retryBusyMinutes", c.retryBusyMinutes(), 1, 10080);
        range(v, "giveUpAfterDays", c.giveUpAfterDays(), 1, 90);
        v.check(c.callFrom() == null || CallHours.time(c.callFrom()) != null, "callFrom", "must be a time HH:mm")
            .check(c.callUntil() == null || CallHours.time(c.callUntil()) != null, "callUntil", "must be a time HH:mm")
            .code("segment", c.segment() == null || c.segment().isEmpty() ? null : c.segment())
            .check(c.apologyOffer() == null || c.apologyOffer().isEmpty()
                || c.apologyOffer().matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._:-]{0,63}"), "apologyOffer",
                "must be an offer id: 1-64 letters, digits, '.', ':', '-' or '_' (\"\" removes it)");
        List<String> branches = codes(v, "branches", c.branches(), MAX_BRANCHES, null);
        List<String> tiers = codes(v, "tiers", c.tiers(), MAX_TIERS, TIER);
        List<String> days = null;
        if (c.callDays() != null) {
            v.check(!c.callDays().isEmpty(), "callDays", "must list at least one day");
            LinkedHashSet<String> set = new LinkedHashSet<>();
            for (int i = 0; i < c.callDays().size(); i++) {
                String d = c.callDays().get(i);
                v.check(d != null && ALL_DAYS.contains(d), "callDays[" + i + "]", "must be one of " + ALL_DAYS);
                if (d != null && ALL_DAYS.contains(d)) set.add(d);
            }
            days = ALL_DAYS.stream().filter(set::contains).toList();
        }
        String from = or(c.callFrom(), base.callFrom());
        String until = or(c.callUntil(), base.callUntil());
        v.check(from == null || until == null || !from.equals(until), "callUntil", "must differ from callFrom");
        String offer = c.apologyOffer() == null ? base.apologyOffer() : c.apologyOffer().isEmpty() ? null : c.apologyOffer();
        return new Campaign(base.id(), c.name() == null ? base.name() : c.name().strip(),
            or(c.questionnaire(), base.questionnaire()), or(c.active(), base.active()), or(branches, base.branches()),
            or(tiers, base.tiers()), or(c.firstPurchaseOnly(), base.firstPurchaseOnly()),
            or(c.samplePercent(), base.samplePercent()), c.segment() == null ? base.segment() : c.segment().isEmpty() ? null : c.segment(),
            or(c.delayHours(), base.delayHours()), from, until, or(days, base.callDays()),
            or(c.callsPerOperatorPerDay(), base.callsPerOperatorPerDay()),
            or(c.minDaysBetweenCalls(), base.minDaysBetweenCalls()), or(c.maxAttempts(), base.maxAttempts()),
            or(c.retryNoAnswerMinutes(), base.retryNoAnswerMinutes()), or(c.retryBusyMinutes(), base.retryBusyMinutes()),
            or(c.giveUpAfterDays(), base.giveUpAfterDays()), offer, base.changedAt(), base.changedBy());
    }

    private static void range(Validation v, String field, Integer value, int min, int max) {
        v.check(value == null || (value >= min && value <= max), field, "must be from " + min + " to " + max);
    }

    /** The codes, each once, in the order given; null when not given. */
    private static List<String> codes(Validation v, String field, List<String> given, int max, String pattern) {
        if (given == null) return null;
        v.check(given.size() <= max, field, "must list at most " + max);
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (int i = 0; i < given.size() && i < max; i++) {
            String code = given.get(i);
            String f = field + "[" + i + "]";
            v.require(f, code);
            if (code == null) continue;
            if (pattern == null) v.code(f, code);
            else v.check(code.matches(pattern), f, "must be an upper-case tier code such as SILVER");
            set.add(code);
        }
        return new ArrayList<>(set);
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
