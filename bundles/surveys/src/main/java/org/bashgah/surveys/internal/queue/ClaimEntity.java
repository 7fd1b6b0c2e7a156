package org.bashgah.surveys.internal.queue;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * One time an operator took a call: an attempt. {@link #outcome} is null while the operator has it, then what
 * came of it, or {@link #ABANDONED} when it went back to the queue unfinished.
 */
@Entity
@Table(name = "surveys_claim")
public class ClaimEntity {
    public static final String ABANDONED = "ABANDONED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "call_id")
    public long callId;
    @Column(name = "campaign_id")
    public long campaignId;
    @Column(name = "branch_code")
    public String branch;
    @Column(name = "operator_name")
    public String operator;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    @Column(name = "claim_day")
    public LocalDate day;
    /** The questionnaire version the operator was shown; the answers are to it. */
    @Column(name = "version_id")
    public long versionId;
    public String outcome;
    @Column(name = "outcome_at")
    public Instant outcomeAt;
    @Column(name = "call_back_at")
    public Instant callBackAt;
    public String note;

    public Attempt toApi() {
        return new Attempt(id, operator, claimedAt, outcome, outcomeAt, callBackAt, note);
    }
}
