package org.bashgah.credit.internal.tier;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A member's standing as credit decided it: the tier (which core's member record then publishes), when
 * it was last reached, when it is reviewed next, and the manual floor. One row per member, locked while a
 * decision is made so that decisions about one member never interleave.
 */
@Entity
@Table(name = "credit_tier_standing")
public class TierStandingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "tier_code")
    public String tier;
    @Column(name = "floor_code")
    public String floor;
    @Column(name = "reached_at")
    public Instant reachedAt;
    @Column(name = "review_at")
    public Instant reviewAt;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;
}
