package org.bashgah.surveys.internal.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A happy-call campaign as the API shows it: whom it calls (purchasers at {@code branches} — none is every
 * branch — of {@code tiers} — none is every tier —, optionally only first purchases, a {@code samplePercent} of
 * them), when ({@code delayHours} after the purchase, within call hours {@code callFrom}–{@code callUntil} on
 * {@code callDays}, in the organisation's time zone), and the rules of the calls.
 *
 * @param segment            the id of a saved segment of bashgah-reports whose members alone it calls, or null
 * @param minDaysBetweenCalls a member is not queued again within this many days of the purchase of their last call
 * @param giveUpAfterDays    a call not finished this many days after its purchase expires
 * @param apologyOffer       the offer (of bashgah-offers) a low score asks to grant, or null
 */
public record Campaign(long id, String name, long questionnaire, boolean active, List<String> branches,
                       List<String> tiers, boolean firstPurchaseOnly, int samplePercent, String segment, int delayHours,
                       String callFrom, String callUntil, List<String> callDays, int callsPerOperatorPerDay,
                       int minDaysBetweenCalls, int maxAttempts, int retryNoAnswerMinutes, int retryBusyMinutes,
                       int giveUpAfterDays, String apologyOffer, Instant changedAt, String changedBy) {

    public CallHours callHours() {
        return CallHours.parse(callFrom, callUntil, callDays);
    }
}
