package org.bashgah.reports.internal.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bashgah.reports.internal.report.Table.Tabular;

/** What the reports answer (JSON as they are; {@link Tabular#tables()} for CSV and XLSX). docs/reports.md. */
public final class Results {
    private Results() {
    }

    /**
     * What a report covers.
     *
     * @param branch   the branch, or null for the whole organisation
     * @param from     first day (ISO); for a snapshot, of joining, or null
     * @param to       last day, included
     * @param bucket   {@code day}, {@code week} or {@code month}, or null when not bucketed
     * @param today    the day the snapshot figures are as of, in the organisation's zone
     * @param todayLabel today in the organisation's calendar
     */
    public record Scope(String report, String branch, LocalDate from, LocalDate to, String bucket, String calendar,
                        String timeZone, LocalDate today, String todayLabel, Instant asOf) {
    }

    static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    // ---------------------------------------------------------------------------------------------- series

    public record JoinedPeriod(String label, String name, LocalDate from, LocalDate to, long joined, long members) {
    }

    /** New members: who joined per bucket, and the members there were at each bucket's end. */
    public record NewMembers(Scope scope, long joined, long membersAtStart, long membersAtEnd,
                             List<JoinedPeriod> periods) implements Tabular {
        @Override
        public List<Table> tables() {
            List<List<Object>> rows = new ArrayList<>();
            for (JoinedPeriod p : periods) rows.add(row(p.label, p.name, p.from, p.to, p.joined, p.members));
            return List.of(new Table("periods", List.of("label", "name", "from", "to", "joined", "members"), rows));
        }
    }

    public record SalesPeriod(String label, String name, LocalDate from, LocalDate to, long purchases, long members,
                              long amount, long refunded, Long averageBasket, Long amountPerMember) {
    }

    /** Sales and visits: every purchase is a member's (see docs), so purchases are visits and members buyers. */
    public record Sales(Scope scope, SalesPeriod total, List<SalesPeriod> periods) implements Tabular {
        @Override
        public List<Table> tables() {
            List<String> columns = List.of("label", "name", "from", "to", "purchases", "members", "amount", "refunded",
                "averageBasket", "amountPerMember");
            List<List<Object>> rows = new ArrayList<>();
            for (SalesPeriod p : periods) rows.add(salesRow(p));
            return List.of(new Table("periods", columns, rows), new Table("total", columns, List.of(salesRow(total))));
        }

        private static List<Object> salesRow(SalesPeriod p) {
            return row(p.label, p.name, p.from, p.to, p.purchases, p.members, p.amount, p.refunded, p.averageBasket,
                p.amountPerMember);
        }
    }

    public record BasketPeriod(String label, String name, LocalDate from, LocalDate to, long purchases, long amount,
                               Long averageBasket, long firstPurchases, Long firstVisitBasket, long repeatPurchases,
                               Long repeatBasket) {
    }

    /** Average basket, split into members' first purchases and their repeat purchases. */
    public record AverageBasket(Scope scope, BasketPeriod total, List<BasketPeriod> periods) implements Tabular {
        @Override
        public List<Table> tables() {
            List<String> columns = List.of("label", "name", "from", "to", "purchases", "amount", "averageBasket",
                "firstPurchases", "firstVisitBasket", "repeatPurchases", "repeatBasket");
            List<List<Object>> rows = new ArrayList<>();
            for (BasketPeriod p : periods) rows.add(basketRow(p));
            return List.of(new Table("periods", columns, rows), new Table("total", columns, List.of(basketRow(total))));
        }

        private static List<Object> basketRow(BasketPeriod p) {
            return row(p.label, p.name, p.from, p.to, p.purchases, p.amount, p.averageBasket, p.firstPurchases,
                p.firstVisitBasket, p.repeatPurchases, p.repeatBasket);
        }
    }

    public record EngagedPeriod(String label, String name, LocalDate from, LocalDate to, long members, long active,
                                BigDecimal activePercent) {
    }

    /** Engagement: the share of the members (as many as had joined by a bucket's end) who bought in it. */
    public record Engagement(Scope scope, EngagedPeriod total, List<EngagedPeriod> periods) implements Tabular {
        @Override
        public List<Table> tables() {
            List<String> columns = List.of("label", "name", "from", "to", "members", "active", "activePercent");
            List<List<Object>> rows = new ArrayList<>();
            for (EngagedPeriod p : periods) rows.add(row(p.label, p.name, p.from, p.to, p.members, p.active, p.activePercent));
            return List.of(new Table("periods", columns, rows), new Table("total", columns,
                List.of(row(total.label, total.name, total.from, total.to, total.members, total.active, total.activePercent))));
        }
    }

    public record Retained(int period, String label, long members, BigDecimal percent) {
    }

    public record Cohort(String label, String name, LocalDate from, LocalDate to, long members, List<Retained> retained) {
    }

    /** Rolling retention by join cohort (period 0 is the cohort's own). */
    public record Retention(Scope scope, List<Cohort> cohorts) implements Tabular {
        @Override
        public List<Table> tables() {
            int periods = cohorts.stream().mapToInt(c -> c.retained.size()).max().orElse(0);
            List<String> columns = new ArrayList<>(List.of("label", "name", "from", "to", "members"));
            for (int k = 0; k < periods; k++) columns.add("period" + k);
            List<List<Object>> percents = new ArrayList<>();
            List<List<Object>> counts = new ArrayList<>();
            for (Cohort c : cohorts) {
                List<Object> p = row(c.label, c.name, c.from, c.to, c.members);
                List<Object> n = row(c.label, c.name, c.from, c.to, c.members);
                for (int k = 0; k < periods; k++) {
                    p.add(k < c.retained.size() ? c.retained.get(k).percent : null);
                    n.add(k < c.retained.size() ? (Object) c.retained.get(k).members : null);
                }
                percents.add(p);
                counts.add(n);
            }
            return List.of(new Table("percent", columns, percents), new Table("members", columns, counts));
        }
    }

    // ------------------------------------------------------------------------------------------- snapshots

    /** A band of a distribution, e.g. {@code 100-499} points: how many members, and what they add up to. */
    public record Band(String band, long from, Long to, long members, BigDecimal percent, long sum) {
    }

    static Table bandTable(String name, String sumColumn, List<Band> bands) {
        List<List<Object>> rows = new ArrayList<>();
        for (Band b : bands) rows.add(row(b.band, b.from, b.to, b.members, b.percent, b.sum));
        return new Table(name, List.of("band", "from", "to", "members", "percent", sumColumn), rows);
    }

    public record PurchaseInterval(Scope scope, long members, BigDecimal averageDays, BigDecimal medianDays,
                                   List<Band> bands) implements Tabular {
        @Override
        public List<Table> tables() {
            return List.of(bandTable("bands", "days", bands), new Table("summary", List.of("members", "averageDays",
                "medianDays"), List.of(row(members, averageDays, medianDays))));
        }
    }

    public record Churn(Scope scope, int windowDays, long members, long neverBought, long active, long churned,
                        BigDecimal churnPercent, List<Band> daysSinceLastVisit) implements Tabular {
        @Override
        public List<Table> tables() {
            return List.of(new Table("summary", List.of("windowDays", "members", "neverBought", "active", "churned",
                    "churnPercent"), List.of(row(windowDays, members, neverBought, active, churned, churnPercent))),
                bandTable("daysSinceLastVisit", "days", daysSinceLastVisit));
        }
    }

    public record Decile(int decile, long members, long lowest, long highest, long historical, BigDecimal percent) {
    }

    /**
     * Lifetime value of the members who bought: historical (spent so far) and predicted for the horizon, and how the
     * historical value is spread over the tenths of the members (decile 1: the top tenth).
     */
    public record Clv(Scope scope, int horizonDays, int windowDays, long members, long activeMembers,
                      long historicalTotal, long historicalAverage, long historicalMedian, long predictedTotal,
                      long predictedAverage, List<Decile> deciles) implements Tabular {
        @Override
        public List<Table> tables() {
            List<List<Object>> rows = new ArrayList<>();
            for (Decile d : deciles) rows.add(row(d.decile, d.members, d.lowest, d.highest, d.historical, d.percent));
            return List.of(new Table("summary", List.of("horizonDays", "windowDays", "members", "activeMembers",
                    "historicalTotal", "historicalAverage", "historicalMedian", "predictedTotal", "predictedAverage"),
                    List.of(row(horizonDays, windowDays, members, activeMembers, historicalTotal, historicalAverage,
                        historicalMedian, predictedTotal, predictedAverage))),
                new Table("deciles", List.of("decile", "members", "lowest", "highest", "historical", "percent"), rows));
        }
    }

    /** The values (days, visits, money) that get one score; nulls where no member has it. */
    public record ScoreRange(int score, Long recencyDaysFrom, Long recencyDaysTo, Long visitsFrom, Long visitsTo,
                             Long spendFrom, Long spendTo) {
    }

    public record SegmentCount(String segment, long members, BigDecimal percent, BigDecimal averageRecencyDays,
                               BigDecimal averageVisits, Long averageSpend) {
    }

    public record GridCell(int r, int f, String segment, long members, Long averageSpend) {
    }

    /** RFM: scores by quintile, the named segments (from R and F) and the 5x5 RF grid. */
    public record Rfm(Scope scope, long members, long neverBought, List<ScoreRange> scores,
                      List<SegmentCount> segments, List<GridCell> grid) implements Tabular {
        @Override
        public List<Table> tables() {
            List<List<Object>> seg = new ArrayList<>();
            for (SegmentCount s : segments) {
                seg.add(row(s.segment, s.members, s.percent, s.averageRecencyDays, s.averageVisits, s.averageSpend));
            }
            List<List<Object>> cells = new ArrayList<>();
            for (GridCell c : grid) cells.add(row(c.r, c.f, c.segment, c.members, c.averageSpend));
            List<List<Object>> ranges = new ArrayList<>();
            for (ScoreRange s : scores) {
                ranges.add(row(s.score, s.recencyDaysFrom, s.recencyDaysTo, s.visitsFrom, s.visitsTo, s.spendFrom,
                    s.spendTo));
            }
            return List.of(new Table("segments", List.of("segment", "members", "percent", "averageRecencyDays",
                    "averageVisits", "averageSpend"), seg),
                new Table("grid", List.of("r", "f", "segment", "members", "averageSpend"), cells),
                new Table("scores", List.of("score", "recencyDaysFrom", "recencyDaysTo", "visitsFrom", "visitsTo",
                    "spendFrom", "spendTo"), ranges));
        }
    }

    public record TierCount(String tier, long members, BigDecimal percent, Long averageSpend, BigDecimal averageVisits) {
    }

    public record Tiers(Scope scope, long members, List<TierCount> tiers) implements Tabular {
        @Override
        public List<Table> tables() {
            List<List<Object>> rows = new ArrayList<>();
            for (TierCount t : tiers) rows.add(row(t.tier, t.members, t.percent, t.averageSpend, t.averageVisits));
            return List.of(new Table("tiers", List.of("tier", "members", "percent", "averageSpend", "averageVisits"), rows));
        }
    }

    public record Points(Scope scope, long members, long holders, long points, Long averagePerHolder,
                         List<Band> bands) implements Tabular {
        @Override
        public List<Table> tables() {
            return List.of(bandTable("bands", "points", bands), new Table("summary", List.of("members", "holders",
                "points", "averagePerHolder"), List.of(row(members, holders, points, averagePerHolder))));
        }
    }

    public record AccountLiability(String account, long holders, long outstanding, long expiring) {
    }

    /**
     * A branch's liabilities: its own branch credit (whoever holds it), and the points and shared credit of the
     * members who joined there.
     */
    public record BranchLiability(String branch, long branchCredit, long branchCreditExpiring, long memberPoints,
                                  long memberPointsExpiring, long memberSharedCredit, long memberSharedCreditExpiring) {
    }

    public record CreditLiability(Scope scope, int expiringDays, LocalDate expiringBy, List<AccountLiability> accounts,
                                  List<BranchLiability> branches) implements Tabular {
        @Override
        public List<Table> tables() {
            List<List<Object>> a = new ArrayList<>();
            for (AccountLiability l : accounts) a.add(row(l.account, l.holders, l.outstanding, l.expiring));
            List<List<Object>> b = new ArrayList<>();
            for (BranchLiability l : branches) {
                b.add(row(l.branch, l.branchCredit, l.branchCreditExpiring, l.memberPoints, l.memberPointsExpiring,
                    l.memberSharedCredit, l.memberSharedCreditExpiring));
            }
            return List.of(new Table("accounts", List.of("account", "holders", "outstanding", "expiring"), a),
                new Table("branches", List.of("branch", "branchCredit", "branchCreditExpiring", "memberPoints",
                    "memberPointsExpiring", "memberSharedCredit", "memberSharedCreditExpiring"), b));
        }
    }

    public record Standing(int position, String branch, String name, long sales, long previousSales,
                           BigDecimal growthPercent, long repeatSales, BigDecimal loyaltyPercent, long homeMembers,
                           BigDecimal retentionPercent, int salesRank, int growthRank, int loyaltyRank,
                           int retentionRank, int score) {
    }

    public record Leaderboard(Scope scope, LocalDate previousFrom, LocalDate previousTo, int windowDays,
                              List<Standing> branches) implements Tabular {
        @Override
        public List<Table> tables() {
            List<List<Object>> rows = new ArrayList<>();
            for (Standing s : branches) {
                rows.add(row(s.position, s.branch, s.name, s.sales, s.previousSales, s.growthPercent, s.repeatSales,
                    s.loyaltyPercent, s.homeMembers, s.retentionPercent, s.salesRank, s.growthRank, s.loyaltyRank,
                    s.retentionRank, s.score));
            }
            return List.of(new Table("branches", List.of("position", "branch", "name", "sales", "previousSales",
                "growthPercent", "repeatSales", "loyaltyPercent", "homeMembers", "retentionPercent", "salesRank",
                "growthRank", "loyaltyRank", "retentionRank", "score"), rows));
        }
    }

    // -------------------------------------------------------------------------------------------- members

    /**
     * A member in a report's member list, with what the report scored them by (null where it does not apply).
     *
     * @param daysSinceLastVisit null for a member who never bought
     * @param intervalDays       average days between purchases (purchase-interval)
     * @param predictedValue     predicted spend in the CLV horizon (clv)
     */
    public record MemberLine(String id, String phone, String name, Instant joinedAt, String joinedBranch, String tier,
                             long visits, long totalSpend, Instant firstVisit, Instant lastVisit, long points,
                             Long daysSinceLastVisit, Integer r, Integer f, Integer m, String segment,
                             BigDecimal intervalDays, Long predictedValue) {

        public static final List<String> COLUMNS = List.of("id", "phone", "name", "joinedAt", "joinedBranch", "tier",
            "visits", "totalSpend", "firstVisit", "lastVisit", "points", "daysSinceLastVisit", "r", "f", "m",
            "segment", "intervalDays", "predictedValue");

        /** The line as a table row, times in the organisation's zone. */
        public List<Object> cells(java.time.ZoneId zone) {
            return row(id, phone, name, at(joinedAt, zone), joinedBranch, tier, visits, totalSpend, at(firstVisit, zone),
                at(lastVisit, zone), points, daysSinceLastVisit, r, f, m, segment, intervalDays, predictedValue);
        }

        private static Object at(Instant moment, java.time.ZoneId zone) {
            return moment == null ? null : moment.atZone(zone).toOffsetDateTime().toString();
        }
    }

    /** One page of a report's member list; {@code total} is how many members the list holds in all. */
    public record MemberPage(Scope scope, long total, int offset, int limit, List<MemberLine> members) {
    }
}
