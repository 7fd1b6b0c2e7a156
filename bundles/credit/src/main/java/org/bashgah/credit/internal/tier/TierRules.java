package org.bashgah.credit.internal.tier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How standing moves, as plain decisions (unit-tested without OSGi):
 * <ul>
 * <li>the <b>window sum</b> at a moment counts the tallies dated within (day − windowDays, day], the day
 *     being the moment's date in the organisation's time zone;</li>
 * <li><b>upgrade at once</b>: after a counted purchase, a member whose window sum reaches a tier above the
 *     current one moves up to it;</li>
 * <li>a member <b>reaches</b> their tier when they move up to it or when a later purchase still qualifies for
 *     it; the <b>review date</b> is the last time they reached it + windowDays;</li>
 * <li><b>downgrade only at the review</b>: once the review date has passed, the member takes the tier the
 *     window ending then earns (down, possibly several tiers at once), never below the manual floor;
 *     the next review is windowDays later;</li>
 * <li>a <b>manual floor</b> lifts the member to it at once when they are below it.</li>
 * </ul>
 * A code that is not in the scheme (e.g. a tier the chain has since removed) ranks below the lowest tier.
 */
public final class TierRules {
    private TierRules() {
    }

    /** After a counted purchase: the tier the member moves up to, or empty to stay. */
    public static Optional<String> upgradeTo(TierScheme scheme, String current, long windowSum) {
        Tier earned = scheme.tierFor(windowSum);
        return scheme.rankOf(earned.code()) > scheme.rankOf(current) ? Optional.of(earned.code()) : Optional.empty();
    }

    /** Whether a window sum still earns the member's current tier, which pushes the review date on. */
    public static boolean qualifiesFor(TierScheme scheme, String current, long windowSum) {
        int rank = scheme.rankOf(current);
        return rank >= 0 && scheme.rankOf(scheme.tierFor(windowSum).code()) >= rank;
    }

    /** At the review: what the window earns, but never below the floor. */
    public static String atReview(TierScheme scheme, String floor, long windowSum) {
        return higher(scheme, scheme.tierFor(windowSum).code(), floor);
    }

    /** When a floor is set: the member's tier, raised to the floor if it is above. */
    public static String withFloor(TierScheme scheme, String current, String floor) {
        return higher(scheme, current, floor);
    }

    /** Of two codes, the one that ranks higher in the scheme; {@code a} when they rank the same. */
    static String higher(TierScheme scheme, String a, String b) {
        return scheme.rankOf(b) > scheme.rankOf(a) ? b : a;
    }

    /** True when moving from {@code before} to {@code after} is a step down in the scheme. */
    public static boolean isDown(TierScheme scheme, String before, String after) {
        return scheme.rankOf(after) < scheme.rankOf(before);
    }

    /** The review date of a tier reached at {@code reached}. */
    public static Instant reviewAt(Instant reached, int windowDays) {
        return reached.plus(Duration.ofDays(windowDays));
    }

    /** The day before the window ending on {@code day}: tallies dated after it and up to {@code day} count. */
    public static LocalDate dayBeforeWindow(LocalDate day, int windowDays) {
        return day.minusDays(windowDays);
    }

    /**
     * The tier to aim for next: the one above both the member's tier and what the window already earns, or
     * empty at the top.
     */
    public static Optional<Tier> nextTier(TierScheme scheme, String current, long windowSum) {
        return scheme.above(higher(scheme, current, scheme.tierFor(windowSum).code()));
    }

    /** How much more of the measure reaches {@code next}; 0 when the window sum is there already. */
    public static long toReach(Tier next, long windowSum) {
        return Math.max(0, next.threshold() - windowSum);
    }
}
