package org.bashgah.core.internal.purchase;

import java.util.Map;
import org.bashgah.core.api.Balances;

/**
 * What a refund did. {@code cashRefund} is the money to give back: the refunded share of what was paid,
 * less any credit the member already spent that could not be taken back ({@code shortfall}).
 *
 * @param refunded      invoice amount refunded by this request
 * @param totalRefunded invoice amount refunded so far, this request included
 * @param reversed      earned credit and points taken back, per account
 * @param returned      redeemed credit and points given back, per account
 * @param shortfall     earned credit and points that were already spent, per account
 */
public record RefundResponse(String purchaseId, long refunded, long totalRefunded, long cashRefund,
                             Map<String, Long> reversed, Map<String, Long> returned, Map<String, Long> shortfall,
                             Balances balances) {
}
