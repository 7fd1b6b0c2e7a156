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
 * The settlement lines of one pair from just after the previous settlement's last line up to {@link #lastLineId}:
 * the net is fixed when it is made; payments close it; it is never edited.
 */
@Entity
@Table(name = "partners_settlement")
public class SettlementEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_low")
    public String orgLow;
    @Column(name = "org_high")
    public String orgHigh;
    @Column(name = "after_line_id")
    public long afterLineId;
    @Column(name = "last_line_id")
    public long lastLineId;
    /** The previous settlement's end, or null for the first. */
    @Column(name = "period_from")
    public Instant from;
    /** Lines written before this moment are in it (or in an earlier one). */
    @Column(name = "period_to")
    public Instant to;
    /** Who pays the net; null when the period nets to zero. */
    @Column(name = "payer_org")
    public String payerOrg;
    @Column(name = "payee_org")
    public String payeeOrg;
    public long amount;
    @Column(name = "line_count")
    public int lineCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
