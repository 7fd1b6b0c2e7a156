package org.bashgah.core.internal.claim;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One purchase's use of a claim key; only ever inserted. */
@Entity
@Table(name = "core_claim_use")
public class ClaimUseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "claim_key")
    public String key;
    @Column(name = "purchase_id")
    public String purchaseId;
    @Column(name = "member_id")
    public String memberId;
    public long units;
    @Column(name = "used_at")
    public Instant at;
}
