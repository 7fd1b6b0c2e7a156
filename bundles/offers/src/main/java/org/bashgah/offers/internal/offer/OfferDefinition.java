package org.bashgah.offers.internal.offer;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What an offer is, as a chain writes it (the body of {@code POST /api/v1/offers}) and as it is stored. Fields
 * left out mean "no restriction": every branch, every day, every hour, every member.
 *
 * @param kind       {@code PERMANENT}: checked at every purchase against the member's aggregates; {@code ONE_TIME}:
 *                   given to an audience by a targeting run, each member spending it once before a deadline
 * @param branches   branch codes where it applies; empty or null for all
 * @param activeFrom first day it applies (organisation's time zone), or null
 * @param activeTo   last day it applies, or null
 * @param weekdays   days of the week it applies, or empty for all
 * @param hoursFrom  time of day from which it applies, or null; with {@code hoursTo} before it, the window
 *                   runs past midnight
 * @param hoursTo    time of day until which (exclusive) it applies, or null
 * @param audience   which members: for a permanent offer at each purchase, for a one-time offer at targeting
 * @param priority   higher first; see {@code stackable}
 * @param stackable  false: applies only when no offer of higher priority did, and then no other applies
 */
public record OfferDefinition(String name, String kind, List<String> branches, LocalDate activeFrom, LocalDate activeTo,
                              List<DayOfWeek> weekdays, LocalTime hoursFrom, LocalTime hoursTo, Condition audience,
                              Trigger trigger, Reward reward, Limits limits, Integer priority, Boolean stackable,
                              Targeting targeting) {
    public static final String PERMANENT = "PERMANENT";
    public static final String ONE_TIME = "ONE_TIME";

    public OfferDefinition {
        branches = listOf(branches);
        weekdays = listOf(weekdays);
        trigger = trigger == null ? Trigger.ANY : trigger;
        limits = limits == null ? Limits.NONE : limits;
        priority = priority == null ? 0 : priority;
        stackable = stackable == null ? Boolean.TRUE : stackable;
        targeting = targeting == null ? Targeting.MANUAL : targeting;
    }

    /** An unmodifiable copy that keeps null elements, so validation can name them instead of failing on them. */
    static <T> List<T> listOf(List<T> list) {
        return list == null ? java.util.Collections.emptyList()
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    public boolean oneTime() {
        return ONE_TIME.equals(kind);
    }

    /**
     * A condition on the member: exactly one of its fields is set. {@code all}, {@code any} and {@code not}
     * combine others; {@code metric} compares one of the member's numbers ({@code visits}, {@code totalSpend},
     * {@code averageSpend}, {@code daysSinceLastVisit}, {@code membershipDays}) with {@code value} by {@code op}
     * ({@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code eq}); the rest test tiers, product groups bought
     * or never bought, branches visited, a birthday within so many days, the member's tags (any of them), and
     * {@code inSegment}: the member is in that saved segment of bashgah-reports.
     */
    public record Condition(List<Condition> all, List<Condition> any, Condition not, String metric, String op,
                            BigDecimal value, List<String> tierIn, List<String> bought, List<String> neverBought,
                            List<String> visited, Integer birthdayWithinDays, List<String> taggedAny,
                            String inSegment) {

        /** A condition without a segment (the form before segments). */
        public Condition(List<Condition> all, List<Condition> any, Condition not, String metric, String op,
                         BigDecimal value, List<String> tierIn, List<String> bought, List<String> neverBought,
                         List<String> visited, Integer birthdayWithinDays, List<String> taggedAny) {
            this(all, any, not, metric, op, value, tierIn, bought, neverBought, visited, birthdayWithinDays, taggedAny,
                null);
        }

        /** A condition without tags (the form before member tags). */
        public Condition(List<Condition> all, List<Condition> any, Condition not, String metric, String op,
                         BigDecimal value, List<String> tierIn, List<String> bought, List<String> neverBought,
                         List<String> visited, Integer birthdayWithinDays) {
            this(all, any, not, metric, op, value, tierIn, bought, neverBought, visited, birthdayWithinDays, null, null);
        }
    }

    /**
     * Which purchase the offer rewards.
     *
     * @param amountOver    the purchase amount must be more than this
     * @param productGroups the purchase must have a line in one of these; the reward is then figured on those
     *                      lines only
     * @param withinDays    one-time offers: days from being targeted until the offer lapses
     */
    public record Trigger(Long amountOver, List<String> productGroups, Integer withinDays) {
        public static final Trigger ANY = new Trigger(null, null, null);

        public Trigger {
            productGroups = listOf(productGroups);
        }
    }

    /**
     * What a purchase that the offer applies to gets. Percentages are of the reward's basis (the purchase,
     * or its lines in the trigger's product groups); extra credit is figured on the basis less this offer's
     * discount and less the share of it paid from balances; everything rounds down.
     *
     * @param creditTo {@code SHARED} (spendable at any branch, the default) or {@code BRANCH} (only where earned)
     */
    public record Reward(BigDecimal extraCreditPercent, BigDecimal discountPercent, Long bonusPoints, Long fixedCredit,
                         String creditTo) {
    }

    /**
     * @param perMember how many purchases of one member it may reward, or null for no limit
     * @param budget    the most its rewards may cost in all (money), or null for no limit
     */
    public record Limits(Integer perMember, Long budget) {
        public static final Limits NONE = new Limits(null, null);
    }

    /**
     * How a one-time offer finds its audience.
     *
     * @param schedule       {@code MANUAL} (runs on request) or {@code DAILY} (also once a day)
     * @param controlPercent the share of the audience held out as a control group, 0 to 50
     */
    public record Targeting(String schedule, BigDecimal controlPercent) {
        public static final Targeting MANUAL = new Targeting("MANUAL", BigDecimal.ZERO);
        public static final String DAILY = "DAILY";

        public Targeting {
            schedule = schedule == null ? "MANUAL" : schedule;
            controlPercent = controlPercent == null ? BigDecimal.ZERO : controlPercent;
        }
    }
}
