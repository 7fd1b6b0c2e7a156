package org.bashgah.core.internal.purchase;

import java.time.OffsetDateTime;
import java.util.List;
import org.bashgah.core.api.Balances;

/** The answer to {@code POST /purchases}; replayed unchanged for a retried idempotency key. */
public record PurchaseResponse(String id, String member, String branch, OffsetDateTime at, long amount,
                               long discount, Amounts redeemed, long payable, Amounts earned,
                               List<AppliedOffer> appliedOffers, Balances balances) {

    /** Credit and points per kind of account. */
    public record Amounts(long sharedCredit, long branchCredit, long points) {
    }

    /** An offer or rule that changed what the purchase earned or cost. */
    public record AppliedOffer(String id, String name) {
    }
}
