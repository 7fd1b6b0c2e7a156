package org.bashgah.reports.internal.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reports and what each one takes. A <em>series</em> cuts {@code from}..{@code to} into buckets; a
 * <em>snapshot</em> is figured as of now from every member's aggregates, and its {@code from}..{@code to}, when
 * given, keeps to the members who joined then; the leaderboard compares {@code from}..{@code to} with the period of
 * the same length before it.
 */
public enum Report {
    NEW_MEMBERS("new-members", Kind.SERIES, "Members who joined, per bucket", List.of()),
    SALES("sales", Kind.SERIES, "Purchases (visits), buying members and sales, per bucket", null),
    AVERAGE_BASKET("average-basket", Kind.SERIES, "Average purchase, first visits and repeat visits, per bucket", null),
    ENGAGEMENT("engagement", Kind.SERIES, "Share of the members who bought in each bucket", null),
    RETENTION("retention", Kind.COHORTS, "Rolling retention of each join cohort in the periods after it", null),
    PURCHASE_INTERVAL("purchase-interval", Kind.SNAPSHOT, "Average days between purchases of members with two or more",
        List.of("min", "max")),
    CHURN("churn", Kind.SNAPSHOT, "Members with no visit in the churn window", List.of("status")),
    CLV("clv", Kind.SNAPSHOT, "Customer lifetime value: historical, and predicted for the horizon",
        List.of("min", "max")),
    RFM("rfm", Kind.SNAPSHOT, "RFM scores 1-5 and named segments", List.of("segment", "r", "f")),
    TIERS("tiers", Kind.SNAPSHOT, "Members per tier", List.of("tier")),
    POINTS("points", Kind.SNAPSHOT, "Members by points balance", List.of("min", "max")),
    CREDIT_LIABILITY("credit-liability", Kind.SNAPSHOT, "Outstanding credit and points, by account and branch, and "
        + "what expires soon", null),
    LEADERBOARD("leaderboard", Kind.PERIOD, "Branches ranked by sales, sales growth, loyalty share and retention", null);

    public enum Kind { SERIES, COHORTS, SNAPSHOT, PERIOD }

    private final String code;
    private final Kind kind;
    private final String title;
    /** What its member list can be narrowed by; null for a report that yields no members. */
    private final List<String> selectors;

    Report(String code, Kind kind, String title, List<String> selectors) {
        this.code = code;
        this.kind = kind;
        this.title = title;
        this.selectors = selectors;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public boolean yieldsMembers() {
        return selectors != null;
    }

    public List<String> selectors() {
        return selectors == null ? List.of() : selectors;
    }

    /** The query parameters of the report itself (its member list takes {@link #memberParameters()}). */
    public Set<String> parameters() {
        Set<String> p = new LinkedHashSet<>(List.of("branch", "format", "table"));
        // balances are as they stand: the liability report has no range
        if (this != CREDIT_LIABILITY) p.addAll(List.of("from", "to"));
        if (kind == Kind.SERIES || kind == Kind.COHORTS) p.add("bucket");
        if (this == CHURN || this == CREDIT_LIABILITY) p.add("days");
        return p;
    }

    /** The parameters that define a member list (and so a saved segment). */
    public Set<String> definitionParameters() {
        Set<String> p = new LinkedHashSet<>(List.of("branch", "from", "to"));
        if (this == CHURN) p.add("days");
        p.addAll(selectors());
        return p;
    }

    public Set<String> memberParameters() {
        Set<String> p = new LinkedHashSet<>(definitionParameters());
        p.addAll(List.of("limit", "offset", "format"));
        return p;
    }

    public static Report of(String code) {
        for (Report r : values()) if (r.code.equals(code)) return r;
        return null;
    }
}
