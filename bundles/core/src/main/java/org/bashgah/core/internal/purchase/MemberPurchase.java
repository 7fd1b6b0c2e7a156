package org.bashgah.core.internal.purchase;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A purchase in a member's purchase history ({@code GET /members/{id}/purchases}): what was bought, paid, redeemed
 * and refunded so far, so staff can pick any past purchase to refund. The ledger entries are in {@code GET
 * /purchases/{id}}.
 */
public record MemberPurchase(String id, String branch, OffsetDateTime at, long amount, long discount,
                             PurchaseResponse.Amounts redeemed, long payable, long refunded,
                             List<PurchaseView.Line> lines) {
}
