package org.bashgah.credit.internal.tier;

import java.math.BigDecimal;

/**
 * One tier of a scheme: a member whose window sum reaches {@code threshold} holds it, and gets
 * {@code extraCreditPercent} percentage points more credit on what they pay and {@code discountPercent}
 * off every invoice.
 */
public record Tier(String code, String name, long threshold, BigDecimal extraCreditPercent,
                   BigDecimal discountPercent) {
}
