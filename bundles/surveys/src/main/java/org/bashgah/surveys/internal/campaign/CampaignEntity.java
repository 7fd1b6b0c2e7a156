package org.bashgah.surveys.internal.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

/** A campaign's row; see {@link Campaign} for what the fields mean. */
@Entity
@Table(name = "surveys_campaign")
public class CampaignEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    public String name;
    @Column(name = "questionnaire_id")
    public long questionnaireId;
    public boolean active;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "surveys_campaign_branch", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "branch_code")
    public List<String> branches = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "surveys_campaign_tier", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "tier_code")
    public List<String> tiers = new ArrayList<>();
    @Column(name = "first_purchase_only")
    public boolean firstPurchaseOnly;
    @Column(name = "sample_percent")
    public int samplePercent;
    @Column(name = "segment_id")
    public String segment;
    @Column(name = "delay_hours")
    public int delayHours;
    @Column(name = "call_from_minute")
    public int callFromMinute;
    @Column(name = "call_until_minute")
    public int callUntilMinute;
    @Column(name = "call_days")
    public int callDays;
    @Column(name = "calls_per_operator_day")
    public int callsPerOperatorPerDay;
    @Column(name = "min_days_between_calls")
    public int minDaysBetweenCalls;
    @Column(name = "max_attempts")
    public int maxAttempts;
    @Column(name = "retry_no_answer_minutes")
    public int retryNoAnswerMinutes;
    @Column(name = "retry_busy_minutes")
    public int retryBusyMinutes;
    @Column(name = "give_up_after_days")
    public int giveUpAfterDays;
    @Column(name = "apology_offer")
    public String apologyOffer;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;

    public Campaign toApi() {
        return new Campaign(id, name, questionnaireId, active, branches.stream().sorted().toList(),
            tiers.stream().sorted().toList(), firstPurchaseOnly, samplePercent, segment, delayHours,
            CallHours.text(java.time.LocalTime.ofSecondOfDay(callFromMinute * 60L)),
            CallHours.text(java.time.LocalTime.ofSecondOfDay(callUntilMinute * 60L)), CallHours.days(callDays),
            callsPerOperatorPerDay, minDaysBetweenCalls, maxAttempts, retryNoAnswerMinutes, retryBusyMinutes,
            giveUpAfterDays, apologyOffer, changedAt, changedBy);
    }

    void set(Campaign c) {
        name = c.name();
        questionnaireId = c.questionnaire();
        active = c.active();
        branches.clear();
        branches.addAll(c.branches());
        tiers.clear();
        tiers.addAll(c.tiers());
        firstPurchaseOnly = c.firstPurchaseOnly();
        samplePercent = c.samplePercent();
        segment = c.segment();
        delayHours = c.delayHours();
        callFromMinute = CallHours.time(c.callFrom()).toSecondOfDay() / 60;
        callUntilMinute = CallHours.time(c.callUntil()).toSecondOfDay() / 60;
        callDays = CallHours.bits(c.callDays());
        callsPerOperatorPerDay = c.callsPerOperatorPerDay();
        minDaysBetweenCalls = c.minDaysBetweenCalls();
        maxAttempts = c.maxAttempts();
        retryNoAnswerMinutes = c.retryNoAnswerMinutes();
        retryBusyMinutes = c.retryBusyMinutes();
        giveUpAfterDays = c.giveUpAfterDays();
        apologyOffer = c.apologyOffer();
    }
}
