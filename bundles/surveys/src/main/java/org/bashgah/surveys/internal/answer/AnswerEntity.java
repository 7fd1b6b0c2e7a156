package org.bashgah.surveys.internal.answer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One answer of a response, with the response's branch, operator, campaign and day copied on for reports. */
@Entity
@Table(name = "surveys_answer")
public class AnswerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "response_id")
    public long responseId;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "campaign_id")
    public long campaignId;
    @Column(name = "questionnaire_id")
    public long questionnaireId;
    @Column(name = "question_id")
    public long questionId;
    @Column(name = "question_code")
    public String questionCode;
    public String kind;
    @Column(name = "branch_code")
    public String branch;
    @Column(name = "operator_name")
    public String operator;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "answered_day")
    public LocalDate day;
    public Integer score;
    @Column(name = "choice_codes")
    public String choices;
    @Column(name = "answer_yes")
    public Boolean yes;
    @Column(name = "answer_text")
    public String text;

    public List<String> choiceList() {
        return choices == null || choices.isEmpty() ? null : Arrays.asList(choices.split(","));
    }
}
