package org.bashgah.core.api;

import java.time.Instant;
import java.util.Map;

/**
 * Per-member aggregates that core keeps up to date on every purchase and refund, so that conditions and
 * reports never scan the purchase history. Amounts are net of refunds; a visit is a posted purchase.
 *
 * @param averageSpend  {@code totalSpend / visits}, rounded down; 0 without visits
 * @param branches      per branch code
 * @param productGroups per product group, from purchase lines
 */
public record MemberStats(long visits, long totalSpend, long averageSpend, Instant firstVisit, Instant lastVisit,
                          Map<String, Counter> branches, Map<String, Counter> productGroups) {

    /** How often and how much, and when last, for one branch or product group. */
    public record Counter(long count, long amount, Instant last) {
    }
}
