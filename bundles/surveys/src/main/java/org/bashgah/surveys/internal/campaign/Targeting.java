package org.bashgah.surveys.internal.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * Which purchases a campaign queues a call for, and when the call is due. A purchase qualifies when it was
 * made at one of the campaign's branches (none: any), by a member of one of its tiers (none: any), is the
 * member's first purchase when the campaign wants only first-time buyers, and falls in the campaign's sample.
 *
 * <p>The sample is drawn per purchase from a hash of the campaign and the purchase id, not by a random number:
 * the same purchase is in or out of a campaign's sample however often its event arrives, and a test can know
 * which. Over many purchases the hash is uniform, so {@code samplePercent} of them are drawn.
 */
public final class Targeting {
    private Targeting() {
    }

    public static boolean targets(Campaign campaign, String branch, String tier, long visits, String purchaseId) {
        if (!campaign.active()) return false;
        if (!campaign.branches().isEmpty() && !campaign.branches().contains(branch)) return false;
        if (!campaign.tiers().isEmpty() && (tier == null || !campaign.tiers().contains(tier))) return false;
        if (campaign.firstPurchaseOnly() && visits != 1) return false;
        return sampled(campaign.id(), purchaseId, campaign.samplePercent());
    }

    /** Whether the purchase falls in a {@code percent} sample of the campaign (100: always, 0 or less: never). */
    public static boolean sampled(long campaignId, String purchaseId, int percent) {
        if (percent >= 100) return true;
        if (percent <= 0) return false;
        return bucket(campaignId, purchaseId) < percent;
    }

    /** 0 to 99, uniform over purchases: the first eight bytes of a SHA-256, modulo 100. */
    static int bucket(long campaignId, String purchaseId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                .digest((campaignId + ":" + purchaseId).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) value = (value << 8) | (d[i] & 0xff);
            return (int) Long.remainderUnsigned(value, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** When a call about a purchase made at {@code purchasedAt} may first be made: {@code delayHours} later. */
    public static Instant dueAt(Instant purchasedAt, int delayHours) {
        return purchasedAt.plus(Duration.ofHours(delayHours));
    }

    /**
     * How often one member may be called: not again while a call for them is open, nor within
     * {@code minDaysBetweenCalls} days of the purchase their last call was about (the purchase time, so it follows
     * the chain's own clock however late an offline till posts).
     */
    public static boolean mayCallAgain(boolean openCall, Instant lastCallPurchasedAt, Instant purchasedAt,
                                       int minDaysBetweenCalls) {
        if (openCall) return false;
        if (lastCallPurchasedAt == null || minDaysBetweenCalls <= 0) return true;
        return !purchasedAt.isBefore(lastCallPurchasedAt.plus(Duration.ofDays(minDaysBetweenCalls)));
    }
}
