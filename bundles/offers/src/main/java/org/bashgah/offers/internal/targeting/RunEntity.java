package org.bashgah.offers.internal.targeting;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "offers_run")
public class RunEntity {
    @Id
    public String id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "offer_id")
    public String offerId;
    @Column(name = "as_of")
    public Instant asOf;
    @Column(name = "control_percent")
    public BigDecimal controlPercent;
    /** RUNNING, DONE or FAILED. */
    public String status;
    public long scanned;
    public long targeted;
    @Column(name = "control_count")
    public long control;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "created_by")
    public String createdBy;
    public String error;
}
