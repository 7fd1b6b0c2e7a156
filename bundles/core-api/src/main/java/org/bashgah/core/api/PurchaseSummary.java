package org.bashgah.core.api;

import java.time.Instant;
import java.util.List;

/**
 * A posted purchase as other capabilities show it to staff (e.g. on a survey operator's call screen): what was
 * bought, where and when, what the member paid, and how much of it was refunded since.
 *
 * @param at       when the purchase was made (which may be before it was posted)
 * @param payable  what the member paid after discounts and redemptions
 * @param refunded how much of {@code amount} has been refunded so far
 */
public record PurchaseSummary(String id, String branch, Instant at, long amount, long discount, long payable,
                              long refunded, List<PurchaseLine> lines) {
}
