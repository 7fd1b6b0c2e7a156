package org.bashgah.surveys.internal.answer;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A completed survey: one per call (unique), so a survey is completed, and paid for, once. */
@Entity
@Table(name = "surveys_response")
public class ResponseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "call_id")
    public long callId;
    @Column(name = "claim_id")
    public long claimId;
    @Column(name = "campaign_id")
    public long campaignId;
    @Column(name = "questionnaire_id")
    public long questionnaireId;
    @Column(name = "version_id")
    public long versionId;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "branch_code")
    public String branch;
    @Column(name = "operator_name")
    public String operator;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "answered_day")
    public LocalDate day;
    /** When the completion was announced to the other capabilities; null until then. */
    @Column(name = "announced_at")
    public Instant announcedAt;

    /** The {@code ref} of the completion event: what credit pays the survey points once for. */
    public String ref() {
        return "survey-response:" + id;
    }
}
