package org.bashgah.credit.internal.tier;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/**
 * What one purchase counts towards its member's tier, on the day it was counted: the points it earned and
 * its amount, less what was refunded of it. Unique per purchase, so a redelivered event counts once.
 */
@Entity
@Table(name = "credit_tier_tally")
public class TierTallyEntity {
    @Id
    // allocationSize is the sequence's INCREMENT BY (credit migration V4): one round trip per 50 tallies
    @SequenceGenerator(name = "credit_tier_tally_seq", sequenceName = "credit_tier_tally_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credit_tier_tally_seq")
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "purchase_id")
    public String purchaseId;
    @Column(name = "tally_day")
    public LocalDate day;
    public long points;
    public long spend;
    public long refunded;
    @Column(name = "counted_at")
    public Instant countedAt;
}
