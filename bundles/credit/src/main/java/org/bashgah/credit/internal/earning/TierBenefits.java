package org.bashgah.credit.internal.earning;

import java.math.BigDecimal;

/** What a tier adds to a purchase; provided by the tier catalogue. */
public interface TierBenefits {

    /** Extra credit, in percentage points of the amount paid, and a discount in percent of the invoice. */
    record Benefit(BigDecimal extraCreditPercent, BigDecimal discountPercent) {
        public static final Benefit NONE = new Benefit(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The benefit of the organisation's tier {@code tier}; {@link Benefit#NONE} for an unknown tier. */
    Benefit benefitOf(String organisationId, String tier);
}
