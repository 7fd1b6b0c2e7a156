package org.bashgah.reports.internal.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.BashgahException.Forbidden;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.Branch;
import org.bashgah.core.api.BranchService;
import org.bashgah.core.api.Caller;
import org.bashgah.core.api.ClubFigures;
import org.bashgah.core.api.ClubFigures.MemberFigures;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.core.api.Validation;
import org.bashgah.reports.internal.ReportsSettings;
import org.bashgah.reports.internal.calendar.ClubCalendar;
import org.bashgah.reports.internal.calendar.Period;
import org.bashgah.reports.internal.measure.Activity;
import org.bashgah.reports.internal.measure.Bands;
import org.bashgah.reports.internal.measure.Deciles;
import org.bashgah.reports.internal.measure.Intervals;
import org.bashgah.reports.internal.measure.Lifetime;
import org.bashgah.reports.internal.measure.Longs;
import org.bashgah.reports.internal.measure.Percent;
import org.bashgah.reports.internal.measure.Ranking;
import org.bashgah.reports.internal.measure.Retention;
import org.bashgah.reports.internal.measure.Rfm;
import org.bashgah.reports.internal.report.Results.MemberLine;
import org.bashgah.reports.internal.report.Results.Scope;
import org.bashgah.reports.internal.report.Table.Tabular;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Every report, figured from core's {@link ClubFigures} when asked: time series from one indexed aggregate per
 * bucket, snapshots from one pass over the members' aggregate rows, never from the purchase history. The arithmetic
 * is in the {@code measure} classes; this puts the figures through it. A branch's members are those who joined there
 * (docs/reports.md, "branches").
 */
@Component(service = Reports.class)
public class Reports {
    /** Before any member joined: the first boundary when counting the members there were before a range. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Comparator<MemberLine> BY_SPEND = Comparator.comparingLong(MemberLine::totalSpend).reversed()
        .thenComparing(MemberLine::id);

    private final ClubFigures figures;
    private final OrganisationService organisations;
    private final BranchService branches;
    private final ReportsSettings settings;

    @Activate
    public Reports(@Reference ClubFigures figures, @Reference OrganisationService organisations,
                   @Reference BranchService branches, @Reference ReportsSettings settings) {
        this.figures = figures;
        this.organisations = organisations;
        this.branches = branches;
        this.settings = settings;
    }

    // ------------------------------------------------------------------------------------------- requests

    /**
     * Reads a request for a report, or for its member list: numbers are for chain admins, branch managers and
     * operators (a branch-bound one: its own branch only, which is also what it gets when it names none); member
     * lists name people, so they are for chain admins and branch managers.
     */
    public ReportQuery query(Caller caller, Report report, boolean memberList, Map<String, List<String>> params) {
        if (memberList) caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        else caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER, Caller.OPERATOR);
        return query(caller.organisationId(), caller.branch(), report, memberList, params);
    }

    /**
     * Reads a request for an organisation; {@code boundBranch} is the branch the asker is bound to (null for the
     * whole organisation, as the shell is), which is then also the branch reported on unless it names one.
     */
    public ReportQuery query(String organisationId, String boundBranch, Report report, boolean memberList,
                             Map<String, List<String>> params) {
        if (memberList && !report.yieldsMembers()) throw new NotFound("report " + report.code() + " lists no members");
        Organisation org = organisations.find(organisationId)
            .orElseThrow(() -> new NotFound("no organisation " + organisationId));
        List<String> asked = params.get("branch");
        String branch = boundBranch;
        if (asked != null && asked.size() == 1) {
            String code = asked.get(0);
            new Validation().code("branch", code).throwIfInvalid();
            if (boundBranch != null && !boundBranch.equals(code)) {
                throw new Forbidden("this caller is bound to branch " + boundBranch);
            }
            if (branches.find(org.id(), code).isEmpty()) throw new Rejected("branch", "no branch " + code);
            branch = code;
        }
        Set<String> allowed = memberList ? report.memberParameters() : report.parameters();
        ReportsSettings.Config c = settings.config();
        return ReportQuery.read(report, allowed, params, org, branch, Instant.now(),
            new ReportQuery.Limits(c.range_days(), c.buckets_max()));
    }

    public Tabular run(ReportQuery q) {
        return switch (q.report()) {
            case NEW_MEMBERS -> newMembers(q);
            case SALES -> sales(q);
            case AVERAGE_BASKET -> averageBasket(q);
            case ENGAGEMENT -> engagement(q);
            case RETENTION -> retention(q);
            case PURCHASE_INTERVAL -> purchaseInterval(q);
            case CHURN -> churn(q);
            case CLV -> clv(q);
            case RFM -> rfm(q);
            case TIERS -> tiers(q);
            case POINTS -> points(q);
            case CREDIT_LIABILITY -> creditLiability(q);
            case LEADERBOARD -> leaderboard(q);
        };
    }

    private static Scope scope(ReportQuery q) {
        return new Scope(q.report().code(), q.branch(), q.from(), q.to(), q.bucket() == null ? null : q.bucket().code(),
            q.calendar().code(), q.organisation().timeZone(), q.today(), q.calendar().label(q.today()), q.asOf());
    }

    /** The periods' first moments, and the end of the last. */
    private static List<Instant> boundaries(ClubCalendar calendar, List<Period> periods) {
        List<Instant> b = new ArrayList<>();
        for (Period p : periods) b.add(calendar.startOf(p.from()));
        b.add(calendar.startOf(periods.get(periods.size() - 1).to()));
        return b;
    }

    private static List<Instant> whole(ClubCalendar calendar, List<Period> periods) {
        return List.of(calendar.startOf(periods.get(0).from()), calendar.startOf(periods.get(periods.size() - 1).to()));
    }

    private static Long ratio(long amount, long count) {
        return count == 0 ? null : amount / count;
    }

    // --------------------------------------------------------------------------------------------- series

    Results.NewMembers newMembers(ReportQuery q) {
        ClubCalendar cal = q.calendar();
        List<Period> periods = cal.periods(q.from(), q.to(), q.bucket());
        List<Instant> bounds = new ArrayList<>(List.of(EARLIEST));
        bounds.addAll(boundaries(cal, periods));
        long[] joined = figures.joined(q.organisationId(), q.branch(), bounds);
        long members = joined[0];
        List<Results.JoinedPeriod> rows = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            members += joined[i + 1];
            rows.add(new Results.JoinedPeriod(p.label(), p.name(), p.from(), p.last(), joined[i + 1], members));
        }
        return new Results.NewMembers(scope(q), members - joined[0], joined[0], members, rows);
    }

    Results.Sales sales(ReportQuery q) {
        ClubCalendar cal = q.calendar();
        List<Period> periods = cal.periods(q.from(), q.to(), q.bucket());
        List<ClubFigures.Sales> sales = figures.sales(q.organisationId(), q.branch(), boundaries(cal, periods));
        ClubFigures.Sales all = figures.sales(q.organisationId(), q.branch(), whole(cal, periods)).get(0);
        List<Results.SalesPeriod> rows = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            rows.add(salesPeriod(p.label(), p.name(), p.from(), p.last(), sales.get(i)));
        }
        return new Results.Sales(scope(q), salesPeriod("total", cal.label(q.from()) + " - " + cal.label(q.to()),
            q.from(), q.to(), all), rows);
    }

    private static Results.SalesPeriod salesPeriod(String label, String name, LocalDate from, LocalDate to,
                                                   ClubFigures.Sales s) {
        return new Results.SalesPeriod(label, name, from, to, s.purchases(), s.members(), s.amount(), s.refunded(),
            ratio(s.amount(), s.purchases()), ratio(s.amount(), s.members()));
    }

    Results.AverageBasket averageBasket(ReportQuery q) {
        ClubCalendar cal = q.calendar();
        List<Period> periods = cal.periods(q.from(), q.to(), q.bucket());
        List<Instant> bounds = boundaries(cal, periods);
        List<ClubFigures.Sales> sales = figures.sales(q.organisationId(), q.branch(), bounds);
        List<ClubFigures.Sales> repeat = figures.repeatSales(q.organisationId(), q.branch(), bounds);
        List<Results.BasketPeriod> rows = new ArrayList<>();
        ClubFigures.Sales total = ClubFigures.Sales.NONE;
        ClubFigures.Sales totalRepeat = ClubFigures.Sales.NONE;
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            rows.add(basket(p.label(), p.name(), p.from(), p.last(), sales.get(i), repeat.get(i)));
            total = plus(total, sales.get(i));
            totalRepeat = plus(totalRepeat, repeat.get(i));
        }
        return new Results.AverageBasket(scope(q), basket("total", cal.label(q.from()) + " - " + cal.label(q.to()),
            q.from(), q.to(), total, totalRepeat), rows);
    }

    private static ClubFigures.Sales plus(ClubFigures.Sales a, ClubFigures.Sales b) {
        // members do not add up across periods; the average basket does not need them
        return new ClubFigures.Sales(a.purchases() + b.purchases(), 0, a.amount() + b.amount(), a.refunded() + b.refunded());
    }

    private static Results.BasketPeriod basket(String label, String name, LocalDate from, LocalDate to,
                                               ClubFigures.Sales all, ClubFigures.Sales repeat) {
        long firstPurchases = all.purchases() - repeat.purchases();
        long firstAmount = all.amount() - repeat.amount();
        return new Results.BasketPeriod(label, name, from, to, all.purchases(), all.amount(),
            ratio(all.amount(), all.purchases()), firstPurchases, ratio(firstAmount, firstPurchases),
            repeat.purchases(), ratio(repeat.amount(), repeat.purchases()));
    }

    Results.Engagement engagement(ReportQuery q) {
        ClubCalendar cal = q.calendar();
        List<Period> periods = cal.periods(q.from(), q.to(), q.bucket());
        List<Instant> bounds = new ArrayList<>(List.of(EARLIEST));
        bounds.addAll(boundaries(cal, periods));
        long[] joined = figures.joined(q.organisationId(), q.branch(), bounds);
        long[] active = figures.activeMembers(q.organisationId(), q.branch(), boundaries(cal, periods));
        long activeInAll = figures.activeMembers(q.organisationId(), q.branch(), whole(cal, periods))[0];
        long members = joined[0];
        List<Results.EngagedPeriod> rows = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            members += joined[i + 1];
            rows.add(new Results.EngagedPeriod(p.label(), p.name(), p.from(), p.last(), members, active[i],
                Percent.of(active[i], members)));
        }
        return new Results.Engagement(scope(q), new Results.EngagedPeriod("total", cal.label(q.from()) + " - "
            + cal.label(q.to()), q.from(), q.to(), members, activeInAll, Percent.of(activeInAll, members)), rows);
    }

    Results.Retention retention(ReportQuery q) {
        ClubCalendar cal = q.calendar();
        List<Period> cohorts = cal.periods(q.from(), q.to(), q.bucket());
        LocalDate through = q.to().isAfter(q.today()) ? q.to() : q.today();
        List<Period> periods = cal.periods(q.from(), through, q.bucket());
        // the cohort periods end at to; the periods they are followed through run on, cut the same way, to today
        List<Period> followed = new ArrayList<>(cohorts);
        for (Period p : periods) if (!p.from().isBefore(cohorts.get(cohorts.size() - 1).to())) followed.add(p);
        Retention retention = new Retention(followed, cohorts.size());
        figures.forEachMember(q.organisationId(), q.branch(), m -> retention.add(cal.day(m.joinedAt()),
            m.lastVisit() == null ? null : cal.day(m.lastVisit())));
        List<Results.Cohort> out = new ArrayList<>();
        for (int c = 0; c < cohorts.size(); c++) {
            long[] retained = retention.retained(c);
            List<Results.Retained> cells = new ArrayList<>();
            for (int k = 0; k < retained.length; k++) {
                cells.add(new Results.Retained(k, followed.get(c + k).label(), retained[k],
                    Percent.of(retained[k], retention.size(c))));
            }
            Period p = cohorts.get(c);
            out.add(new Results.Cohort(p.label(), p.name(), p.from(), p.last(), retention.size(c), cells));
        }
        return new Results.Retention(scope(q), out);
    }

    // ------------------------------------------------------------------------------------------ snapshots

    /** Every member of the report's scope: its branch's (by joining), who joined within from..to when given. */
    private void forEachInScope(ReportQuery q, Consumer<MemberFigures> visitor) {
        ClubCalendar cal = q.calendar();
        boolean filter = q.from() != null || q.to() != null;
        figures.forEachMember(q.organisationId(), q.branch(), m -> {
            if (!filter || q.joinedWithin(cal.day(m.joinedAt()))) visitor.accept(m);
        });
    }

    private LocalDate day(ReportQuery q, Instant moment) {
        return moment == null ? null : q.calendar().day(moment);
    }

    private static List<Results.Band> bands(Bands bands, long of) {
        return bands.bands().stream().map(b -> new Results.Band(b.band(), b.from(), b.to(), b.members(),
            Percent.of(b.members(), of), b.sum())).toList();
    }

    Results.PurchaseInterval purchaseInterval(ReportQuery q) {
        Longs hundredths = new Longs();
        Bands bands = new Bands(0, 7, 14, 30, 60, 90, 180);
        forEachInScope(q, m -> {
            BigDecimal interval = Intervals.of(m.visits(), day(q, m.firstVisit()), day(q, m.lastVisit()));
            if (interval == null) return;
            hundredths.add(interval.movePointRight(2).longValueExact());
            bands.add(interval.longValue());
        });
        int n = hundredths.size();
        BigDecimal average = null;
        BigDecimal median = null;
        if (n > 0) {
            long sum = 0;
            for (int i = 0; i < n; i++) sum += hundredths.get(i);
            average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(100L * n), 2, RoundingMode.DOWN);
            long[] sorted = hundredths.sorted();
            median = BigDecimal.valueOf(sorted[(n - 1) / 2] + sorted[n / 2]).divide(BigDecimal.valueOf(200), 2,
                RoundingMode.DOWN);
        }
        return new Results.PurchaseInterval(scope(q), n, average, median, bands(bands, n));
    }

    private int window(ReportQuery q) {
        return q.report() == Report.CHURN && q.days() != null ? q.days() : settings.config().churn_days();
    }

    Results.Churn churn(ReportQuery q) {
        int window = window(q);
        long[] counts = new long[4]; // members, never, active, churned
        Bands bands = new Bands(0, 7, 30, 60, 90, 180, 365);
        forEachInScope(q, m -> {
            counts[0]++;
            LocalDate last = day(q, m.lastVisit());
            switch (Activity.status(last, q.today(), window)) {
                case NEVER -> counts[1]++;
                case ACTIVE -> counts[2]++;
                case CHURNED -> counts[3]++;
            }
            if (last != null) bands.add(Activity.daysSince(last, q.today()));
        });
        return new Results.Churn(scope(q), window, counts[0], counts[1], counts[2], counts[3],
            Percent.of(counts[3], counts[2] + counts[3]), bands(bands, counts[2] + counts[3]));
    }

    Results.Clv clv(ReportQuery q) {
        int window = settings.config().churn_days();
        int horizon = settings.config().clv_horizon_days();
        Longs historical = new Longs();
        long[] predicted = new long[2]; // total, active members
        forEachInScope(q, m -> {
            if (m.visits() == 0) return;
            historical.add(m.totalSpend());
            LocalDate last = day(q, m.lastVisit());
            predicted[0] += Lifetime.predicted(m.totalSpend(), day(q, m.firstVisit()), last, q.today(), window, horizon);
            if (Activity.status(last, q.today(), window) == Activity.Status.ACTIVE) predicted[1]++;
        });
        int n = historical.size();
        long[] sorted = historical.sorted();
        long total = 0;
        for (long v : sorted) total += v;
        List<Results.Decile> deciles = new ArrayList<>();
        for (Deciles.Decile d : Deciles.of(sorted)) {
            deciles.add(new Results.Decile(d.decile(), d.members(), d.lowest(), d.highest(), d.sum(),
                Percent.of(d.sum(), total)));
        }
        long median = n == 0 ? 0 : (sorted[(n - 1) / 2] + sorted[n / 2]) / 2;
        return new Results.Clv(scope(q), horizon, window, n, predicted[1], total, n == 0 ? 0 : total / n, median,
            predicted[0], predicted[1] == 0 ? 0 : predicted[0] / predicted[1], deciles);
    }

    /** The members of the scope who bought, scored against each other; null when none did. */
    private Rfm scoring(ReportQuery q) {
        Longs recency = new Longs();
        Longs visits = new Longs();
        Longs spend = new Longs();
        forEachInScope(q, m -> {
            if (m.visits() == 0) return;
            recency.add(Activity.daysSince(day(q, m.lastVisit()), q.today()));
            visits.add(m.visits());
            spend.add(m.totalSpend());
        });
        return recency.size() == 0 ? null : new Rfm(recency.toArray(), visits.toArray(), spend.toArray());
    }

    Results.Rfm rfm(ReportQuery q) {
        Rfm rfm = scoring(q);
        long[] never = new long[1];
        // per segment: members, days, visits, spend; per grid cell: members, spend
        Map<String, long[]> segments = new LinkedHashMap<>();
        for (String s : Rfm.SEGMENTS) segments.put(s, new long[4]);
        long[][] cells = new long[25][2];
        if (rfm != null) {
            forEachInScope(q, m -> {
                if (m.visits() == 0) {
                    never[0]++;
                    return;
                }
                long days = Activity.daysSince(day(q, m.lastVisit()), q.today());
                int r = rfm.recencyScore(days);
                int f = rfm.frequencyScore(m.visits());
                long[] s = segments.get(Rfm.segment(r, f));
                s[0]++;
                s[1] += days;
                s[2] += m.visits();
                s[3] += m.totalSpend();
                long[] cell = cells[(5 - r) * 5 + (f - 1)];
                cell[0]++;
                cell[1] += m.totalSpend();
            });
        } else {
            forEachInScope(q, m -> never[0]++);
        }
        int n = rfm == null ? 0 : rfm.members();
        List<Results.SegmentCount> counts = new ArrayList<>();
        segments.forEach((name, s) -> counts.add(new Results.SegmentCount(name, s[0], Percent.of(s[0], n),
            Percent.average(BigDecimal.valueOf(s[1]), s[0]), Percent.average(BigDecimal.valueOf(s[2]), s[0]),
            ratio(s[3], s[0]))));
        List<Results.GridCell> grid = new ArrayList<>();
        for (int r = 5; r >= 1; r--) {
            for (int f = 1; f <= 5; f++) {
                long[] cell = cells[(5 - r) * 5 + (f - 1)];
                grid.add(new Results.GridCell(r, f, Rfm.segment(r, f), cell[0], ratio(cell[1], cell[0])));
            }
        }
        List<Results.ScoreRange> scores = new ArrayList<>();
        if (rfm != null) {
            long[][] rr = rfm.recencyRanges();
            long[][] fr = rfm.frequencyRanges();
            long[][] mr = rfm.monetaryRanges();
            for (int s = 1; s <= 5; s++) {
                scores.add(new Results.ScoreRange(s, low(rr[s - 1]), high(rr[s - 1]), low(fr[s - 1]), high(fr[s - 1]),
                    low(mr[s - 1]), high(mr[s - 1])));
            }
        }
        return new Results.Rfm(scope(q), n, never[0], scores, counts, grid);
    }

    private static Long low(long[] range) {
        return range == null ? null : range[0];
    }

    private static Long high(long[] range) {
        return range == null ? null : range[1];
    }

    Results.Tiers tiers(ReportQuery q) {
        Map<String, long[]> tiers = new TreeMap<>(); // members, spend, visits
        long[] members = new long[1];
        forEachInScope(q, m -> {
            members[0]++;
            long[] t = tiers.computeIfAbsent(m.tier(), k -> new long[3]);
            t[0]++;
            t[1] += m.totalSpend();
            t[2] += m.visits();
        });
        List<Results.TierCount> out = new ArrayList<>();
        tiers.forEach((tier, t) -> out.add(new Results.TierCount(tier, t[0], Percent.of(t[0], members[0]),
            ratio(t[1], t[0]), Percent.average(BigDecimal.valueOf(t[2]), t[0]))));
        out.sort(Comparator.comparingLong(Results.TierCount::members).reversed().thenComparing(Results.TierCount::tier));
        return new Results.Tiers(scope(q), members[0], out);
    }

    Results.Points points(ReportQuery q) {
        Bands bands = new Bands(0, 1, 100, 500, 1000, 5000, 10000);
        long[] totals = new long[3]; // members, holders, points
        forEachInScope(q, m -> {
            totals[0]++;
            if (m.points() > 0) totals[1]++;
            totals[2] += m.points();
            bands.add(m.points());
        });
        return new Results.Points(scope(q), totals[0], totals[1], totals[2], ratio(totals[2], totals[1]),
            bands(bands, totals[0]));
    }

    Results.CreditLiability creditLiability(ReportQuery q) {
        int days = q.days() != null ? q.days() : settings.config().expiring_days();
        LocalDate by = q.today().plusDays(days);
        List<ClubFigures.Outstanding> outstanding = figures.outstanding(q.organisationId());
        List<ClubFigures.Expiring> expiring = figures.expiring(q.organisationId(), q.asOf(),
            q.calendar().startOf(by.plusDays(1)));
        String branch = q.branch();
        // per account: holders, outstanding, expiring
        Map<String, long[]> accounts = new TreeMap<>(Comparator.comparing(Reports::accountOrder));
        for (ClubFigures.Outstanding o : outstanding) {
            if (!visible(branch, o.account(), o.joinedBranch())) continue;
            long[] a = accounts.computeIfAbsent(o.account(), k -> new long[3]);
            a[0] += o.holders();
            a[1] += o.balance();
        }
        for (ClubFigures.Expiring e : expiring) {
            if (!visible(branch, e.account(), e.joinedBranch())) continue;
            accounts.computeIfAbsent(e.account(), k -> new long[3])[2] += e.amount();
        }
        List<Results.AccountLiability> rows = new ArrayList<>();
        accounts.forEach((account, a) -> rows.add(new Results.AccountLiability(account, a[0], a[1], a[2])));
        List<String> codes = branch != null ? List.of(branch)
            : branches.list(q.organisationId()).stream().map(Branch::code).sorted().toList();
        List<Results.BranchLiability> perBranch = new ArrayList<>();
        for (String code : codes) {
            String own = Account.branchCredit(code).toString();
            long[] b = new long[6];
            for (ClubFigures.Outstanding o : outstanding) {
                if (o.account().equals(own)) b[0] += o.balance();
                else if (code.equals(o.joinedBranch()) && o.account().equals(Account.POINTS)) b[2] += o.balance();
                else if (code.equals(o.joinedBranch()) && o.account().equals(Account.SHARED_CREDIT)) b[4] += o.balance();
            }
            for (ClubFigures.Expiring e : expiring) {
                if (e.account().equals(own)) b[1] += e.amount();
                else if (code.equals(e.joinedBranch()) && e.account().equals(Account.POINTS)) b[3] += e.amount();
                else if (code.equals(e.joinedBranch()) && e.account().equals(Account.SHARED_CREDIT)) b[5] += e.amount();
            }
            perBranch.add(new Results.BranchLiability(code, b[0], b[1], b[2], b[3], b[4], b[5]));
        }
        return new Results.CreditLiability(scope(q), days, by, rows, perBranch);
    }

    /**
     * For a branch: its own branch credit, whoever holds it, and every other account of the members who joined
     * there (their points, shared credit, partner credit), but not their credit at other branches.
     */
    private static boolean visible(String branch, String account, String joinedBranch) {
        if (branch == null) return true;
        if (account.startsWith(Account.BRANCH_CREDIT + ":")) return account.equals(Account.branchCredit(branch).toString());
        return branch.equals(joinedBranch);
    }

    private static String accountOrder(String account) {
        if (account.equals(Account.POINTS)) return "0";
        if (account.equals(Account.SHARED_CREDIT)) return "1";
        if (account.startsWith(Account.BRANCH_CREDIT + ":")) return "2" + account;
        return "3" + account;
    }

    Results.Leaderboard leaderboard(ReportQuery q) {
        ClubCalendar cal = q.calendar();
        long length = q.to().toEpochDay() - q.from().toEpochDay() + 1;
        LocalDate previousFrom = q.from().minusDays(length);
        LocalDate previousTo = q.from().minusDays(1);
        List<Instant> bounds = List.of(cal.startOf(previousFrom), cal.startOf(q.from()), cal.startOf(q.to().plusDays(1)));
        int window = settings.config().churn_days();
        // per branch of joining: members, members who bought, of them active
        Map<String, long[]> home = new HashMap<>();
        figures.forEachMember(q.organisationId(), null, m -> {
            if (m.joinedBranch() == null) return;
            long[] h = home.computeIfAbsent(m.joinedBranch(), k -> new long[3]);
            h[0]++;
            Activity.Status status = Activity.status(day(q, m.lastVisit()), q.today(), window);
            if (status != Activity.Status.NEVER) h[1]++;
            if (status == Activity.Status.ACTIVE) h[2]++;
        });
        record Row(Branch branch, long sales, long previous, long repeat, long[] home) {
        }
        List<Row> rows = new ArrayList<>();
        for (Branch b : branches.list(q.organisationId())) {
            List<ClubFigures.Sales> s = figures.sales(q.organisationId(), b.code(), bounds);
            long repeat = figures.repeatSales(q.organisationId(), b.code(), bounds.subList(1, 3)).get(0).amount();
            rows.add(new Row(b, s.get(1).amount(), s.get(0).amount(), repeat, home.getOrDefault(b.code(), new long[3])));
        }
        List<BigDecimal> sales = rows.stream().map(r -> BigDecimal.valueOf(r.sales)).toList();
        List<BigDecimal> growth = rows.stream().map(r -> Percent.growth(r.previous, r.sales)).toList();
        List<BigDecimal> loyalty = rows.stream().map(r -> Percent.of(r.repeat, r.sales)).toList();
        List<BigDecimal> retention = rows.stream().map(r -> Percent.of(r.home[2], r.home[1])).toList();
        int[] salesRank = Ranking.ranks(sales);
        int[] growthRank = Ranking.ranks(growth);
        int[] loyaltyRank = Ranking.ranks(loyalty);
        int[] retentionRank = Ranking.ranks(retention);
        List<Results.Standing> standings = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            standings.add(new Results.Standing(0, r.branch.code(), r.branch.name(), r.sales, r.previous, growth.get(i),
                r.repeat, loyalty.get(i), r.home[0], retention.get(i), salesRank[i], growthRank[i], loyaltyRank[i],
                retentionRank[i], salesRank[i] + growthRank[i] + loyaltyRank[i] + retentionRank[i]));
        }
        standings.sort(Comparator.comparingInt(Results.Standing::score)
            .thenComparing(Comparator.comparingLong(Results.Standing::sales).reversed())
            .thenComparing(Results.Standing::branch));
        List<Results.Standing> placed = new ArrayList<>();
        for (int i = 0; i < standings.size(); i++) {
            Results.Standing s = standings.get(i);
            if (q.branch() != null && !q.branch().equals(s.branch())) continue;
            placed.add(new Results.Standing(i + 1, s.branch(), s.name(), s.sales(), s.previousSales(), s.growthPercent(),
                s.repeatSales(), s.loyaltyPercent(), s.homeMembers(), s.retentionPercent(), s.salesRank(),
                s.growthRank(), s.loyaltyRank(), s.retentionRank(), s.score()));
        }
        return new Results.Leaderboard(scope(q), previousFrom, previousTo, window, placed);
    }

    // --------------------------------------------------------------------------------------- member lists

    /** Which members a report's list holds, what it shows of them, and in which order a page lists them. */
    private record Selection(Predicate<MemberFigures> test, Function<MemberFigures, MemberLine> line,
                             Comparator<MemberLine> order) {
    }

    private Selection selection(ReportQuery q) {
        ClubCalendar cal = q.calendar();
        return switch (q.report()) {
            case NEW_MEMBERS -> new Selection(m -> q.joinedWithin(cal.day(m.joinedAt())), m -> line(q, m, null),
                Comparator.comparing(MemberLine::joinedAt).reversed().thenComparing(MemberLine::id));
            case CHURN -> {
                int window = window(q);
                Activity.Status wanted = Activity.Status.valueOf((q.status() == null ? "churned" : q.status())
                    .toUpperCase(java.util.Locale.ROOT));
                yield new Selection(m -> Activity.status(day(q, m.lastVisit()), q.today(), window) == wanted,
                    m -> line(q, m, null), BY_SPEND);
            }
            case RFM -> {
                Rfm rfm = scoring(q);
                yield new Selection(m -> {
                    if (rfm == null || m.visits() == 0) return false;
                    int r = rfm.recencyScore(Activity.daysSince(day(q, m.lastVisit()), q.today()));
                    int f = rfm.frequencyScore(m.visits());
                    return (q.r() == null || q.r() == r) && (q.f() == null || q.f() == f)
                        && (q.segment() == null || q.segment().equals(Rfm.segment(r, f)));
                }, m -> line(q, m, rfm), BY_SPEND);
            }
            case TIERS -> {
                new Validation().require("tier", q.tier()).throwIfInvalid();
                yield new Selection(m -> q.tier().equals(m.tier()), m -> line(q, m, null), BY_SPEND);
            }
            case POINTS -> new Selection(m -> within(q, m.points()), m -> line(q, m, null),
                Comparator.comparingLong(MemberLine::points).reversed().thenComparing(MemberLine::id));
            case CLV -> new Selection(m -> m.visits() > 0 && within(q, m.totalSpend()), m -> line(q, m, null), BY_SPEND);
            case PURCHASE_INTERVAL -> new Selection(m -> {
                BigDecimal interval = Intervals.of(m.visits(), day(q, m.firstVisit()), day(q, m.lastVisit()));
                // whole days, as the report's bands count them: the 0-6 band's list (max=6) holds 6.5 days too
                return interval != null && (q.min() == null || interval.longValue() >= q.min())
                    && (q.max() == null || interval.longValue() <= q.max());
            }, m -> line(q, m, null), BY_SPEND);
            default -> throw new NotFound("report " + q.report().code() + " lists no members");
        };
    }

    private static boolean within(ReportQuery q, long value) {
        return (q.min() == null || value >= q.min()) && (q.max() == null || value <= q.max());
    }

    private MemberLine line(ReportQuery q, MemberFigures m, Rfm rfm) {
        LocalDate last = day(q, m.lastVisit());
        Long days = last == null ? null : Activity.daysSince(last, q.today());
        Integer r = null;
        Integer f = null;
        Integer mo = null;
        String segment = null;
        if (rfm != null && m.visits() > 0) {
            r = rfm.recencyScore(days);
            f = rfm.frequencyScore(m.visits());
            mo = rfm.monetaryScore(m.totalSpend());
            segment = Rfm.segment(r, f);
        }
        BigDecimal interval = q.report() == Report.PURCHASE_INTERVAL
            ? Intervals.of(m.visits(), day(q, m.firstVisit()), last) : null;
        Long predicted = q.report() == Report.CLV && m.visits() > 0 ? Lifetime.predicted(m.totalSpend(),
            day(q, m.firstVisit()), last, q.today(), settings.config().churn_days(), settings.config().clv_horizon_days())
            : null;
        return new MemberLine(m.memberId(), m.phone(), m.name(), m.joinedAt(), m.joinedBranch(), m.tier(), m.visits(),
            m.totalSpend(), m.firstVisit(), m.lastVisit(), m.points(), days, r, f, mo, segment, interval, predicted);
    }

    /** One page of the report's member list, in the report's order (most spent first, for most). */
    public Results.MemberPage members(ReportQuery q) {
        Selection s = selection(q);
        int keep = q.offset() + q.limit();
        // the best `keep` so far; the queue's head is the worst of them
        PriorityQueue<MemberLine> best = new PriorityQueue<>(s.order().reversed());
        long[] total = new long[1];
        forEachInScope(q, m -> {
            if (!s.test().test(m)) return;
            total[0]++;
            MemberLine line = s.line().apply(m);
            if (best.size() < keep) best.add(line);
            else if (s.order().compare(line, best.peek()) < 0) {
                best.poll();
                best.add(line);
            }
        });
        List<MemberLine> sorted = new ArrayList<>(best);
        sorted.sort(s.order());
        List<MemberLine> page = sorted.size() <= q.offset() ? List.of()
            : sorted.subList(q.offset(), Math.min(sorted.size(), keep));
        return new Results.MemberPage(scope(q), total[0], q.offset(), q.limit(), List.copyOf(page));
    }

    /**
     * Every member of the report's list, in id order, as they are read (for exports and saved segments: nothing is
     * held in memory but the RFM scores); returns how many.
     */
    public long forEachMember(ReportQuery q, Consumer<MemberLine> visitor) {
        Selection s = selection(q);
        long[] n = new long[1];
        forEachInScope(q, m -> {
            if (!s.test().test(m)) return;
            n[0]++;
            visitor.accept(s.line().apply(m));
        });
        return n[0];
    }

    /** Checks a member list can be asked for (the selection's own checks) before anything is written. */
    public void checkSelection(ReportQuery q) {
        if (q.report() == Report.TIERS) new Validation().require("tier", q.tier()).throwIfInvalid();
    }
}
