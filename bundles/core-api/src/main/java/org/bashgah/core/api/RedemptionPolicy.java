package org.bashgah.core.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Limits how much of a purchase credit and points may pay (e.g. "credit pays at most 50% of an invoice").
 * Registered as a service; core asks every one for each purchase that redeems anything and applies the
 * smallest answer. Without any, balances may pay the whole amount due.
 */
@ConsumerType
public interface RedemptionPolicy {

    /**
     * The most that credit and points together may pay of this purchase.
     *
     * @param due the amount after discounts, before redemption
     * @return at most {@code due}; {@code due} for no limit
     */
    long maxRedeemable(PurchaseContext purchase, long due);
}
