package org.bashgah.partners.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * An agreement between organisation {@code a} (who proposed it) and {@code b}. Each side's terms say what a
 * purchase <em>at that side</em> gives the other side's consenting members. Terms never change once proposed.
 */
@Entity
@Table(name = "partners_agreement")
public class AgreementEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "org_a")
    public String orgA;
    @Column(name = "org_b")
    public String orgB;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "credit_pct_a")
    public BigDecimal creditPercentA;
    @Column(name = "credit_pct_b")
    public BigDecimal creditPercentB;
    @Column(name = "discount_pct_a")
    public BigDecimal discountPercentA;
    @Column(name = "discount_pct_b")
    public BigDecimal discountPercentB;
    @Column(name = "discount_group_a")
    public String discountGroupA;
    @Column(name = "discount_group_b")
    public String discountGroupB;
    @Column(name = "max_per_purchase_a")
    public long maxPerPurchaseA;
    @Column(name = "max_per_purchase_b")
    public long maxPerPurchaseB;
    @Column(name = "monthly_cap_a")
    public long monthlyCapA;
    @Column(name = "monthly_cap_b")
    public long monthlyCapB;
    /** 1 when a member's consent may ask to be enrolled in the other side's club as well (both sides approve it). */
    @Column(name = "auto_enrol")
    public int autoEnrol;
    /** Pooled points: what one point of either side is worth when spent at the other (0: points are not pooled). */
    @Column(name = "point_value")
    public long pointValue;
    /** Random; makes the pseudonymous member references of this agreement unlinkable to others. */
    public String salt;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "approved_a_at")
    public Instant approvedAAt;
    @Column(name = "approved_a_by")
    public String approvedABy;
    @Column(name = "approved_b_at")
    public Instant approvedBAt;
    @Column(name = "approved_b_by")
    public String approvedBBy;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "ended_by")
    public String endedBy;
    /** Names the agreement on both servers when the other side is a remote partner; null between local ones. */
    @Column(name = "remote_ref")
    public String remoteRef;

    public boolean isSide(String org) {
        return orgA.equals(org) || orgB.equals(org);
    }

    public String other(String org) {
        return orgA.equals(org) ? orgB : orgA;
    }

    /** PROPOSED until both sides approved, then APPROVED; ENDED once either side ended it. */
    public String status() {
        if (endedAt != null) return "ENDED";
        return approvedAAt != null && approvedBAt != null ? "APPROVED" : "PROPOSED";
    }

    /** Approved by both, not ended, and {@code day} within its validity. */
    public boolean activeOn(LocalDate day) {
        return "APPROVED".equals(status()) && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public Terms terms(String side) {
        return orgA.equals(side)
            ? new Terms(creditPercentA, discountPercentA, discountGroupA, maxPerPurchaseA, monthlyCapA)
            : new Terms(creditPercentB, discountPercentB, discountGroupB, maxPerPurchaseB, monthlyCapB);
    }

    /** What a purchase at one side gives the other side's consenting members. */
    public record Terms(BigDecimal creditPercent, BigDecimal discountPercent, String discountProductGroup,
                        long maxCreditPerPurchase, long monthlyCreditCap) {
    }
}
