package org.bashgah.core.api;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a {@link PurchaseContributor} is told about a purchase being posted. The member's stats are as
 * they were <em>before</em> this purchase, so "the 11th visit" is {@code stats().visits() == 10}. A context is
 * valid while the contributor is asked: the stats' per-branch and per-product-group maps are read from the
 * database the first time they are used, in the posting's transaction, and refuse to be read after the call.
 *
 * @param organisation the organisation the purchase belongs to
 * @param purchaseId   the id the purchase will have
 * @param branch       the branch code where it is made
 * @param member       the buying member
 * @param stats        the member's aggregates before this purchase
 * @param at           when it was made, in the organisation's time zone
 * @param amount       the invoice amount before discounts
 * @param lines        per product group; may be empty
 * @param redemption   what the member asked to pay from balances
 */
public record PurchaseContext(Organisation organisation, String purchaseId, String branch, Member member,
                              MemberStats stats, ZonedDateTime at, long amount, List<PurchaseLine> lines,
                              Redemption redemption) {
}
