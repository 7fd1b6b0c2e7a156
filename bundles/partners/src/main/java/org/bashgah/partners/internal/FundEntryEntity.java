package org.bashgah.partners.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A movement of one side's share of a shared fund; {@link #amount} is + for a deposit, - for money out. */
@Entity
@Table(name = "partners_fund_entry")
public class FundEntryEntity {
    static final String DEPOSIT = "DEPOSIT";
    static final String WITHDRAWAL = "WITHDRAWAL";
    static final String SETTLEMENT = "SETTLEMENT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "fund_id")
    public long fundId;
    /** Whose share moves. */
    @Column(name = "org_id")
    public String organisationId;
    public String kind;
    public long amount;
    @Column(name = "settlement_id")
    public Long settlementId;
    @Column(name = "payment_id")
    public Long paymentId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    public String reference;
    @Column(name = "recorded_by_org")
    public String recordedByOrg;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
