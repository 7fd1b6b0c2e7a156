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

/** A member spending partner credit at the holder organisation; its idempotency key makes a retry safe. */
@Entity
@Table(name = "partners_redemption")
public class RedemptionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "idem_key")
    public String idempotencyKey;
    public String fingerprint;
    @Column(name = "agreement_id")
    public long agreementId;
    @Column(name = "issuer_org")
    public String issuerOrg;
    @Column(name = "member_id")
    public String memberId;
    public String branch;
    /** Money: the partner credit spent, or what the pooled points spent are worth. */
    public long amount;
    /** Pooled points taken from {@link #issuerMember} at the issuer (0: partner credit was spent). */
    public long points;
    @Column(name = "issuer_member")
    public String issuerMember;
    @Column(name = "purchase_ref")
    public String purchaseRef;
    @Column(name = "created_at")
    public Instant createdAt;
    public String actor;
}
