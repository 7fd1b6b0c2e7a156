package org.bashgah.surveys.internal.queue;

import java.time.Instant;
import java.util.List;
import org.bashgah.core.api.PurchaseSummary;
import org.bashgah.surveys.internal.questionnaire.Questionnaire;

/**
 * What an operator sees on taking a call: whom to phone, the visit the call is about and their recent purchases
 * (at the operator's branch, for a branch-bound operator), the questionnaire version to read out, what earlier
 * tries came to, and until when the claim is theirs before it goes back to the queue.
 */
public record CallScreen(long claim, long call, long campaign, String campaignName, MemberCard member, String branch,
                         Visit purchase, List<PurchaseSummary> recentPurchases, Questionnaire questionnaire,
                         int attempts, int callBacks, List<Attempt> earlierAttempts, Instant claimedAt,
                         Instant claimExpiresAt) {

    /** The member to phone. */
    public record MemberCard(String id, String name, String phone, String tier, Instant joinedAt) {
    }

    /** The purchase the call is about. */
    public record Visit(String id, Instant at, long amount) {
    }
}
