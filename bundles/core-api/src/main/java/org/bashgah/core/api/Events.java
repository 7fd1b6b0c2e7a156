package org.bashgah.core.api;

/**
 * EventAdmin topics core posts after a change is committed, and the property names they carry. Every
 * event has {@link #ORGANISATION} and {@link #MEMBER}; numbers are {@code Long}s.
 *
 * <p>Core's own events ({@link #MEMBER_JOINED}, {@link #PURCHASE_POSTED}, {@link #PURCHASE_REFUNDED},
 * {@link #TIER_CHANGED}) are written with the change and delivered at least once: again after a crash, and
 * possibly twice. A handler must be idempotent and finish (or make durable) what it does within 10 seconds.
 */
public final class Events {
    /** A member joined; also carries {@link #BRANCH} and, when referred, {@link #REFERRER}. */
    public static final String MEMBER_JOINED = "bashgah/member/JOINED";
    /**
     * A purchase was posted; also {@link #PURCHASE}, {@link #BRANCH}, {@link #AMOUNT}, {@link #VISITS} (the
     * member's visits including this one), {@link #EARNED_POINTS}, {@link #AT} (when it was made) and, since core
     * API 1.5, {@link #TIER} (the member's tier when it was posted).
     */
    public static final String PURCHASE_POSTED = "bashgah/purchase/POSTED";
    /**
     * (Part of) a purchase was refunded; also {@link #PURCHASE}, {@link #BRANCH}, {@link #AMOUNT} (this refund's)
     * and, since core API 1.4, {@link #PURCHASE_AMOUNT} and {@link #TOTAL_REFUNDED}: the purchase's total refunded
     * grows with every refund of it, so it also tells one refund of a purchase from another.
     */
    public static final String PURCHASE_REFUNDED = "bashgah/purchase/REFUNDED";
    /** A member's tier changed; also {@link #TIER} and {@link #PREVIOUS_TIER}. */
    public static final String TIER_CHANGED = "bashgah/member/TIER_CHANGED";

    /**
     * A member completed a survey (posted by the surveys capability); carries {@link #REF}, the survey
     * answer's id, so a reward for it can be paid once.
     */
    public static final String SURVEY_COMPLETED = "bashgah/survey/COMPLETED";

    /**
     * A survey answer scored low enough to need the branch's attention (posted by the surveys capability);
     * carries {@link #REF} (the answer's id), {@link #BRANCH} and {@link #SCORE}.
     */
    public static final String SURVEY_LOW_SCORE = "bashgah/survey/LOW_SCORE";

    /**
     * Another capability asks the offers capability to give a member a one-time offer (e.g. an apology after a
     * low survey score); carries {@link #OFFER} (the offer's id) and {@link #REF}, so it is granted once per ref.
     * Without bashgah-offers installed nobody listens and nothing happens.
     */
    public static final String OFFER_GRANT_REQUESTED = "bashgah/offer/GRANT_REQUESTED";

    /**
     * A member was given a one-time offer (by a targeting run or on request); also {@link #OFFER},
     * {@link #DEADLINE} (an ISO-8601 instant, as text) and {@link #REF} (the targeting run or the request's ref).
     */
    public static final String OFFER_GRANTED = "bashgah/offer/GRANTED";

    public static final String ORGANISATION = "organisation";
    public static final String REF = "ref";
    public static final String MEMBER = "member";
    public static final String BRANCH = "branch";
    public static final String PURCHASE = "purchase";
    public static final String AMOUNT = "amount";
    public static final String VISITS = "visits";
    public static final String EARNED_POINTS = "earnedPoints";
    /** The amount of the refunded purchase (a long). */
    public static final String PURCHASE_AMOUNT = "purchaseAmount";
    /** What of the purchase is refunded, this refund included (a long). */
    public static final String TOTAL_REFUNDED = "totalRefunded";
    /** When a purchase was made: an ISO-8601 instant (text), which may be before it was posted. */
    public static final String AT = "at";
    public static final String REFERRER = "referrer";
    public static final String TIER = "tier";
    public static final String PREVIOUS_TIER = "previousTier";
    public static final String SCORE = "score";
    public static final String OFFER = "offer";
    public static final String DEADLINE = "deadline";

    private Events() {
    }
}
