package org.bashgah.core.internal.purchase;

import java.util.List;

/** The body of {@code POST /purchases/{id}/refund}: no lines refunds everything not yet refunded. */
public record RefundRequest(String idempotencyKey, List<PurchaseRequest.Line> lines) {
}
