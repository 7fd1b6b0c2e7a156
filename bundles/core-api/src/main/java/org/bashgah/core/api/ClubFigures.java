package org.bashgah.core.api;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The organisation's figures in bulk, for reports: per-member aggregates read as plain rows, and sums that core's
 * indexes answer without reading the purchase history (members joined, sales and active members per interval,
 * outstanding and expiring balances). Never for the purchase path.
 *
 * <p>Intervals are given as ascending {@code boundaries}: interval {@code i} is [{@code boundaries[i]},
 * {@code boundaries[i+1]}), so {@code n + 1} boundaries give {@code n} answers, in order. The caller cuts them
 * (days, weeks or months of the organisation's calendar and time zone); each interval costs core one indexed
 * query, so callers should keep them to a few hundred.
 */
@ProviderType
public interface ClubFigures {

    /**
     * One member's aggregates as one row: the {@link MemberStats} figures without the per-branch and per-group
     * counters, with the member's phone (E.164) and name, and points balance.
     *
     * @param joinedBranch the branch the member joined at, or null
     * @param totalSpend   net of refunds, as {@link MemberStats#totalSpend()}
     * @param firstVisit   null for a member who never bought
     * @param points       the current {@code POINTS} balance
     */
    record MemberFigures(String memberId, String phone, String name, Instant joinedAt, String joinedBranch,
                         String tier, long visits, long totalSpend, Instant firstVisit, Instant lastVisit, long points) {
    }

    /**
     * Calls {@code visitor} for every member of the organisation who joined at {@code joinedBranch} (every member
     * when it is null), in id order, reading them page by page so a million members fit in memory.
     */
    void forEachMember(String organisationId, String joinedBranch, Consumer<MemberFigures> visitor);

    /** How many members joined (at {@code joinedBranch}, or anywhere when null) in each interval. */
    long[] joined(String organisationId, String joinedBranch, List<Instant> boundaries);

    /**
     * What the purchases of one interval add up to.
     *
     * @param purchases purchases made (a visit each)
     * @param members   distinct members who made them
     * @param amount    invoice amounts before discounts, net of what has been refunded since
     * @param refunded  what has been refunded of them
     */
    record Sales(long purchases, long members, long amount, long refunded) {
        public static final Sales NONE = new Sales(0, 0, 0, 0);
    }

    /** The purchases made at {@code branch} (at every branch when null) in each interval. */
    List<Sales> sales(String organisationId, String branch, List<Instant> boundaries);

    /**
     * The part of {@link #sales} made by members on a repeat visit: purchases made after the member's first visit
     * (at any branch). Joins each purchase to its member, so it costs more than {@link #sales}.
     */
    List<Sales> repeatSales(String organisationId, String branch, List<Instant> boundaries);

    /**
     * How many distinct members who joined at {@code joinedBranch} (every member when null) made a purchase,
     * at any branch, in each interval.
     */
    long[] activeMembers(String organisationId, String joinedBranch, List<Instant> boundaries);

    /**
     * The balance of one account summed over the members who hold it, by the branch they joined at.
     *
     * @param account      the account in text form ({@code POINTS}, {@code SHARED_CREDIT}, {@code BRANCH_CREDIT:x})
     * @param joinedBranch the holders' branch of joining, or null for members who joined at none
     * @param holders      members with a balance other than zero
     */
    record Outstanding(String account, String joinedBranch, long holders, long balance) {
    }

    /** Every account's outstanding balance, by account and the holders' branch of joining. */
    List<Outstanding> outstanding(String organisationId);

    /**
     * What is left of the lots of one account that expire in a stretch of time, by the holders' branch of joining.
     *
     * @param lots   lots with something left
     * @param amount what is left of them
     */
    record Expiring(String account, String joinedBranch, long lots, long amount) {
    }

    /** The lots that expire in [{@code from}, {@code to}), grouped by account and the holders' branch of joining. */
    List<Expiring> expiring(String organisationId, Instant from, Instant to);
}
