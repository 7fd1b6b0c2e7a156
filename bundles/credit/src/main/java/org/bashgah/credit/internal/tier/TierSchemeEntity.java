package org.bashgah.credit.internal.tier;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One version of an organisation's tier scheme; inserted, never updated. Its tiers are {@link TierLevelEntity}. */
@Entity
@Table(name = "credit_tier_scheme")
public class TierSchemeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    public String measure;
    @Column(name = "window_days")
    public int windowDays;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;
}
