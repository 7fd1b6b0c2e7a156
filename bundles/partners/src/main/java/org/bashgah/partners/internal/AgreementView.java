package org.bashgah.partners.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An agreement as one side sees it: {@code ours} is what a purchase at our shops gives the partner's members,
 * {@code theirs} what a purchase at the partner gives ours; {@code figures} are counts and sums only, never a
 * member of the other side.
 */
public record AgreementView(long id, String name, String partner, String partnerName, String status, boolean inForce,
                            LocalDate validFrom, LocalDate validTo, Terms ours, Terms theirs, boolean autoEnrol,
                            long pointValue,
                            boolean proposedByUs,
                            Instant approvedByUsAt, Instant approvedByPartnerAt, Instant endedAt, Figures figures) {

    public record Terms(BigDecimal creditPercent, BigDecimal discountPercent, String discountProductGroup,
                        long maxCreditPerPurchase, long monthlyCreditCap) {
        static Terms of(AgreementEntity.Terms t) {
            return new Terms(t.creditPercent().stripTrailingZeros(), t.discountPercent().stripTrailingZeros(),
                t.discountProductGroup(), t.maxCreditPerPurchase(), t.monthlyCreditCap());
        }
    }

    /**
     * The agreement's aggregated counts: consenting members per side, partner credit each side issued (count and
     * sum, net of what refunds took back) and what of it was spent (count and sum).
     */
    public record Figures(long ourConsentingMembers, long partnerConsentingMembers, long creditIssuedByUs,
                          long creditIssuedByPartner, long issuesByUs, long issuesByPartner, long redeemedHere,
                          long redeemedAtPartner, long redemptionsHere, long redemptionsAtPartner) {
    }
}
