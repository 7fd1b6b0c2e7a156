package org.bashgah.surveys.internal.answer;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A low score for the branch manager: one per response, {@link #OPEN} until a manager resolves it. */
@Entity
@Table(name = "surveys_alert")
public class AlertEntity {
    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "response_id")
    public long responseId;
    @Column(name = "call_id")
    public long callId;
    @Column(name = "campaign_id")
    public long campaignId;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "branch_code")
    public String branch;
    @Column(name = "operator_name")
    public String operator;
    @Column(name = "question_code")
    public String questionCode;
    public String kind;
    public int score;
    /** The apology offer whose grant was asked for, or null. */
    @Column(name = "apology_offer")
    public String apologyOffer;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    public String note;

    public Alert toApi() {
        return new Alert(id, responseId, callId, campaignId, memberId, branch, operator, questionCode, kind, score,
            apologyOffer, status, createdAt, resolvedAt, resolvedBy, note);
    }
}
