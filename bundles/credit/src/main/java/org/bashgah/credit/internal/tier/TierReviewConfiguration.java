package org.bashgah.credit.internal.tier;

/**
 * When the daily tier review runs, read from {@code etc/org.bashgah.credit.cfg} (the credit bundle's one
 * configuration) as {@code tiers.review.hour} (hour of day, server time) and {@code tiers.review.enabled};
 * absent, the defaults apply.
 */
@interface TierReviewConfiguration {
    int tiers_review_hour() default 3;

    boolean tiers_review_enabled() default true;
}
