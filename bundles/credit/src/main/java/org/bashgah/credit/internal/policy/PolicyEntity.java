package org.bashgah.credit.internal.policy;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.bashgah.credit.api.CreditPolicy;

/** One version of a chain's or branch's policy; inserted, never updated. */
@Entity
@Table(name = "credit_policy")
public class PolicyEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "branch_code")
    public String branch;
    public boolean removed;
    @Column(name = "credit_percent")
    public BigDecimal creditPercent;
    @Column(name = "credit_to")
    public String creditTo;
    @Column(name = "shared_percent_of_credit")
    public BigDecimal sharedPercentOfCredit;
    @Column(name = "amount_per_point")
    public long amountPerPoint;
    @Column(name = "point_value")
    public long pointValue;
    @Column(name = "credit_expiry_days")
    public Integer creditExpiryDays;
    @Column(name = "points_expiry_days")
    public Integer pointsExpiryDays;
    @Column(name = "max_redeem_percent")
    public BigDecimal maxRedeemPercent;
    @Column(name = "signup_points")
    public long signupPoints;
    @Column(name = "referral_points")
    public long referralPoints;
    @Column(name = "review_points")
    public long reviewPoints;
    @Column(name = "social_points")
    public long socialPoints;
    @Column(name = "survey_points")
    public long surveyPoints;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;

    public CreditPolicy toApi() {
        return new CreditPolicy(branch, plain(creditPercent), creditTo, plain(sharedPercentOfCredit), amountPerPoint,
            pointValue, creditExpiryDays, pointsExpiryDays, plain(maxRedeemPercent), signupPoints, referralPoints, reviewPoints,
            socialPoints, surveyPoints, id, changedAt, changedBy);
    }

    /** 10.0000 from a DECIMAL(9,4) column is 10 to a reader. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) return null;
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static PolicyEntity of(String organisationId, String branch, CreditPolicy p, String actor) {
        PolicyEntity e = new PolicyEntity();
        e.organisationId = organisationId;
        e.branch = branch;
        e.creditPercent = p.creditPercent();
        e.creditTo = p.creditTo();
        e.sharedPercentOfCredit = p.sharedPercentOfCredit() == null ? BigDecimal.ZERO : p.sharedPercentOfCredit();
        e.amountPerPoint = p.amountPerPoint();
        e.pointValue = p.pointValue();
        e.creditExpiryDays = p.creditExpiryDays();
        e.pointsExpiryDays = p.pointsExpiryDays();
        e.maxRedeemPercent = p.maxRedeemPercent();
        e.signupPoints = p.signupPoints();
        e.referralPoints = p.referralPoints();
        e.reviewPoints = p.reviewPoints();
        e.socialPoints = p.socialPoints();
        e.surveyPoints = p.surveyPoints();
        e.changedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        e.changedBy = actor;
        return e;
    }
}
