package org.bashgah.core.internal.purchase;

import java.time.OffsetDateTime;
import java.util.List;

/** The body of {@code POST /purchases}, as API.md fixes it. */
public record PurchaseRequest(String idempotencyKey, String member, String branch, OffsetDateTime at, Long amount,
                              List<Line> lines, Redeem redeem) {

    /** A purchase line: how much of the invoice was in one product group. */
    public record Line(String productGroup, Long amount) {
    }

    /** What the member pays from balances; points are valued by the installed points valuation. */
    public record Redeem(Long sharedCredit, Long branchCredit, Long points) {
    }
}
