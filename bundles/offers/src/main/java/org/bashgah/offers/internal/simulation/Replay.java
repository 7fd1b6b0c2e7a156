package org.bashgah.offers.internal.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberStats;
import org.bashgah.core.api.PurchaseHistory.PastPurchase;
import org.bashgah.core.api.PurchaseLine;
import org.bashgah.offers.internal.margin.Margins;
import org.bashgah.offers.internal.offer.OfferDefinition;
import org.bashgah.offers.internal.rules.Audience;
import org.bashgah.offers.internal.rules.OfferRules;
import org.bashgah.offers.internal.rules.OfferRules.Gift;

/**
 * Replays a stretch of history as if the offer had been active through it (its dates aside; branches,
 * weekdays, hours, audience, trigger and limits as written), and adds up what it would have cost against the
 * margin of what it rewarded. Each member starts the stretch with their aggregates of today less what the
 * stretch itself added, and moves through it purchase by purchase, so "the 11th visit" is the 11th visit then.
 * A one-time offer is aimed at the stretch's first moment and spent by the member's first qualifying purchase
 * within its days. Other offers are not replayed beside it.
 *
 * <p>Use: {@link #count} every purchase of the stretch, then {@link #replay} them again in the same order, then
 * {@link #result}.
 */
public final class Replay {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String NO_GROUP = "(no product group)";
    private static final int SAMPLE = 100;

    private final String offerId;
    private final Audience.SegmentMembers segments;
    private final OfferDefinition offer;
    private final Margins.Table margins;
    private final long pointValue;
    private final ZoneId zone;
    private final Instant from;
    private final Instant to;
    private final Map<String, Member> members;
    private final Map<String, State> states = new HashMap<>();

    private long replayed;
    private long qualifying;
    private final Set<String> rewarded = new LinkedHashSet<>();
    private final Map<String, Integer> usesByMember = new HashMap<>();
    private final Set<String> targeted = new HashSet<>();
    private long revenue;
    private long discount;
    private long credit;
    private long points;
    private long cost;
    private Instant budgetReached;
    private final Map<String, long[]> groups = new TreeMap<>(); // revenue, cost

    /**
     * @param members    today's members (and their aggregates, via {@code stats}) of everyone who bought in the stretch
     * @param pointValue what one bonus point costs
     */
    public Replay(String offerId, OfferDefinition offer, Margins.Table margins, long pointValue, ZoneId zone, Instant from,
                  Instant to, Map<String, Member> members, Map<String, MemberStats> stats,
                  Audience.SegmentMembers segments) {
        this.segments = segments;
        this.offerId = offerId;
        this.offer = offer;
        this.margins = margins;
        this.pointValue = pointValue;
        this.zone = zone;
        this.from = from;
        this.to = to;
        this.members = members;
        stats.forEach((id, s) -> states.put(id, State.of(s)));
    }

    /** A member's aggregates as the replay moves through the stretch. */
    private static final class State {
        long visits;
        long spend;
        Instant firstVisit;
        Instant lastVisit;
        boolean started;
        final Map<String, long[]> branches = new HashMap<>();
        final Map<String, long[]> groups = new HashMap<>();

        static State of(MemberStats s) {
            State st = new State();
            st.visits = s.visits();
            st.spend = s.totalSpend();
            st.firstVisit = s.firstVisit();
            s.branches().forEach((k, c) -> st.branches.put(k, new long[] {c.count(), c.amount()}));
            s.productGroups().forEach((k, c) -> st.groups.put(k, new long[] {c.count(), c.amount()}));
            return st;
        }

        void add(PastPurchase p, int sign) {
            long net = p.amount() - p.refunded();
            visits += sign;
            spend += sign * net;
            branches.computeIfAbsent(p.branch(), k -> new long[2])[0] += sign;
            branches.get(p.branch())[1] += sign * net;
            Map<String, Long> perGroup = new HashMap<>();
            for (PurchaseLine l : p.lines()) perGroup.merge(l.productGroup(), l.amount(), Long::sum);
            perGroup.forEach((g, a) -> {
                long[] c = groups.computeIfAbsent(g, k -> new long[2]);
                c[0] += sign;
                c[1] += sign * a;
            });
        }

        MemberStats stats() {
            Map<String, MemberStats.Counter> b = new TreeMap<>();
            branches.forEach((k, c) -> { if (c[0] > 0) b.put(k, new MemberStats.Counter(c[0], c[1], null)); });
            Map<String, MemberStats.Counter> g = new TreeMap<>();
            groups.forEach((k, c) -> { if (c[0] > 0) g.put(k, new MemberStats.Counter(c[0], c[1], null)); });
            long v = Math.max(0, visits);
            return new MemberStats(v, spend, v == 0 ? 0 : spend / v, firstVisit, lastVisit, b, g);
        }
    }

    /** First pass: takes the stretch's purchases out of each member's aggregates of today. */
    public void count(PastPurchase p) {
        State s = states.get(p.memberId());
        if (s != null) s.add(p, -1);
    }

    /** Second pass, in the same order: would the offer have rewarded this purchase, and with what. */
    public void replay(PastPurchase p) {
        replayed++;
        State s = states.get(p.memberId());
        Member member = members.get(p.memberId());
        if (s == null || member == null) return;
        if (!s.started) {
            s.started = true;
            s.lastVisit = p.previousAt();
            if (offer.oneTime() && Audience.matches(offer.audience(), member, s.stats(), from.atZone(zone), segments)) {
                targeted.add(p.memberId());
            }
        }
        try {
            evaluate(p, member, s);
        } finally {
            s.add(p, +1);
            s.lastVisit = p.at();
        }
    }

    private void evaluate(PastPurchase p, Member member, State s) {
        var at = p.at().atZone(zone);
        if (!OfferRules.inForce(offer, p.branch(), at, true)) return;
        if (offer.oneTime()) {
            if (!targeted.contains(p.memberId()) || usesByMember.containsKey(p.memberId())) return;
            if (!p.at().isBefore(from.plus(offer.trigger().withinDays(), ChronoUnit.DAYS))) return;
        } else if (!Audience.matches(offer.audience(), member, s.stats(), at, segments)) {
            return;
        }
        Integer perMember = offer.limits().perMember();
        if (perMember != null && usesByMember.getOrDefault(p.memberId(), 0) >= perMember) return;
        long basis = OfferRules.basis(offer, p.amount(), p.lines());
        Gift gift = OfferRules.gift(offer.reward(), basis, p.amount(), 0);
        if (gift.none()) return;
        long giftCost = gift.cost(pointValue);
        Long budget = offer.limits().budget();
        if (budget != null && giftCost > budget - cost) {
            if (budgetReached == null) budgetReached = p.at();
            return;
        }
        qualifying++;
        rewarded.add(p.memberId());
        usesByMember.merge(p.memberId(), 1, Integer::sum);
        revenue += basis;
        discount += gift.discount();
        credit += gift.credit();
        points += gift.points();
        cost += giftCost;
        allocate(p, basis, giftCost);
    }

    /** Spreads the purchase's basis and the gift's cost over the product groups of its basis lines. */
    private void allocate(PastPurchase p, long basis, long giftCost) {
        Map<String, Long> lines = new TreeMap<>();
        var trigger = offer.trigger().productGroups();
        for (PurchaseLine l : p.lines()) {
            if (trigger.isEmpty() || trigger.contains(l.productGroup())) lines.merge(l.productGroup(), l.amount(), Long::sum);
        }
        long lineSum = lines.values().stream().mapToLong(Long::longValue).sum();
        if (lineSum < basis) lines.merge(NO_GROUP, basis - lineSum, Long::sum); // what the lines do not cover
        long total = Math.max(lineSum, basis);
        long costLeft = giftCost;
        int i = 0;
        for (var e : lines.entrySet()) {
            long share = ++i == lines.size() ? costLeft
                : BigDecimal.valueOf(giftCost).multiply(BigDecimal.valueOf(e.getValue()))
                    .divide(BigDecimal.valueOf(total), 0, RoundingMode.DOWN).longValueExact();
            costLeft -= share;
            long[] g = groups.computeIfAbsent(e.getKey(), k -> new long[2]);
            g[0] += e.getValue();
            g[1] += share;
        }
    }

    /** One product group's part of the result. */
    public record GroupLine(String productGroup, BigDecimal marginPercent, long revenue, long margin, long rewardCost,
                            long marginAfter, boolean losesMoney) {
    }

    /**
     * A warning of the replay: a stable {@code code} with its numbers and names in {@code params}, for a console to
     * put in its user's language, and the same as an English sentence ({@code message}, also in {@code warnings}).
     */
    public record Warning(String code, Map<String, Object> params, String message) {
        public static final String LOSES_MONEY = "LOSES_MONEY";
        public static final String GROUP_LOSES_MONEY = "GROUP_LOSES_MONEY";
        public static final String NO_MARGIN = "NO_MARGIN";
        public static final String BUDGET_RUNS_OUT = "BUDGET_RUNS_OUT";
        public static final String NOTHING_QUALIFIES = "NOTHING_QUALIFIES";
    }

    /** What the replay found. */
    public record Result(String offerId, Instant from, Instant to, long purchasesReplayed, long qualifyingPurchases,
                         long members, List<String> sampleMembers, long targetedMembers, long revenue, long discount,
                         long credit, long points, long rewardCost, long margin, long marginAfter,
                         BigDecimal costPercentOfRevenue, boolean losesMoney, Instant budgetReachedAt,
                         List<GroupLine> byProductGroup, List<String> warnings, List<Warning> warningDetails) {
    }

    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
        return map;
    }

    public Result result() {
        List<GroupLine> lines = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        long margin = 0;
        for (var e : groups.entrySet()) {
            String group = e.getKey();
            BigDecimal percent = margins.of(NO_GROUP.equals(group) ? null : group);
            if (percent == null) {
                warnings.add(new Warning(Warning.NO_MARGIN, params("productGroup", group), "no margin is set for " + group
                    + " and there is no default: counted as 0%, set it in /api/v1/offers/margins"));
            }
            long groupRevenue = e.getValue()[0];
            long groupMargin = percent == null ? 0 : BigDecimal.valueOf(groupRevenue).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.DOWN).longValueExact();
            long after = groupMargin - e.getValue()[1];
            margin += groupMargin;
            lines.add(new GroupLine(group, percent, groupRevenue, groupMargin, e.getValue()[1], after, after < 0));
            if (after < 0) {
                BigDecimal shown = percent == null ? BigDecimal.ZERO : percent;
                warnings.add(new Warning(Warning.GROUP_LOSES_MONEY, params("productGroup", group, "rewardCost",
                    e.getValue()[1], "margin", groupMargin, "marginPercent", shown, "revenue", groupRevenue),
                    "loses money on " + group + ": rewards of " + e.getValue()[1] + " against a margin of " + groupMargin
                        + " (" + shown.toPlainString() + "% of " + groupRevenue + ")"));
            }
        }
        long after = margin - cost;
        if (after < 0) {
            warnings.add(0, new Warning(Warning.LOSES_MONEY, params("rewardCost", cost, "margin", margin),
                "this offer loses money: over the replayed days its rewards would have cost " + cost + ", more than the "
                    + margin + " margin of the sales it rewarded"));
        }
        if (budgetReached != null) {
            var day = budgetReached.atZone(zone).toLocalDate();
            warnings.add(new Warning(Warning.BUDGET_RUNS_OUT, params("budget", offer.limits().budget(), "date",
                day.toString()), "the budget of " + offer.limits().budget() + " would have run out on " + day));
        }
        if (qualifying == 0) {
            warnings.add(new Warning(Warning.NOTHING_QUALIFIES, params(),
                "no purchase in the replayed days would have qualified"));
        }
        BigDecimal costPercent = revenue == 0 ? BigDecimal.ZERO
            : BigDecimal.valueOf(cost).multiply(HUNDRED).divide(BigDecimal.valueOf(revenue), 2, RoundingMode.HALF_UP);
        return new Result(offerId, from, to, replayed, qualifying, rewarded.size(),
            rewarded.stream().limit(SAMPLE).toList(), targeted.size(), revenue, discount, credit, points, cost, margin,
            after, costPercent, after < 0 || lines.stream().anyMatch(GroupLine::losesMoney), budgetReached, lines,
            warnings.stream().map(Warning::message).toList(), List.copyOf(warnings));
    }
}
