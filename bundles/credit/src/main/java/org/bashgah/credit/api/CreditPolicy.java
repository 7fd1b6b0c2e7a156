package org.bashgah.credit.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An earning policy: what a purchase earns, what points are worth, how much of an invoice balances may pay,
 * and the points for joining, referring, reviewing and answering surveys. Percentages are exact decimals of
 * the amount the member pays (the invoice less the credit and points it redeems); every result is rounded
 * down.
 *
 * @param branch                null for the chain's policy, else the branch whose override this is
 * @param creditTo              {@code SHARED} (spendable at every branch), {@code BRANCH} (only where earned)
 *                              or {@code SPLIT} ({@code sharedPercentOfCredit} of it shared, the rest branch)
 * @param amountPerPoint        one point per this much paid; 0 for no points
 * @param pointValue            what one point pays, or converts to, in credit
 * @param creditExpiryDays      days until earned credit expires; null or 0 for never
 * @param pointsExpiryDays      days until earned points expire; null or 0 for never
 * @param maxRedeemPercent      the largest share of an invoice (after discounts) credit and points may pay
 * @param version               the id of this version; null for the built-in default
 */
public record CreditPolicy(String branch, BigDecimal creditPercent, String creditTo, BigDecimal sharedPercentOfCredit,
                           long amountPerPoint, long pointValue, Integer creditExpiryDays, Integer pointsExpiryDays,
                           BigDecimal maxRedeemPercent, long signupPoints, long referralPoints, long reviewPoints,
                           long socialPoints, long surveyPoints, Long version, Instant changedAt, String changedBy) {

    public static final String SHARED = "SHARED";
    public static final String BRANCH = "BRANCH";
    public static final String SPLIT = "SPLIT";
}
