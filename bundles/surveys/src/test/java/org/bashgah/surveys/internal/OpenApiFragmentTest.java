package org.bashgah.surveys.internal;

import java.util.List;
import java.util.Map;
import org.bashgah.core.api.PurchaseLine;
import org.bashgah.core.api.PurchaseSummary;
import org.bashgah.core.testing.OpenApiFragmentContract;
import org.bashgah.surveys.internal.answer.Alert;
import org.bashgah.surveys.internal.answer.AlertResource;
import org.bashgah.surveys.internal.answer.AnswerRules;
import org.bashgah.surveys.internal.answer.Answers;
import org.bashgah.surveys.internal.campaign.Campaign;
import org.bashgah.surveys.internal.campaign.CampaignRules;
import org.bashgah.surveys.internal.questionnaire.Questionnaire;
import org.bashgah.surveys.internal.questionnaire.QuestionnaireResource;
import org.bashgah.surveys.internal.questionnaire.QuestionnaireRules;
import org.bashgah.surveys.internal.questionnaire.Text;
import org.bashgah.surveys.internal.queue.Attempt;
import org.bashgah.surveys.internal.queue.CallQueue;
import org.bashgah.surveys.internal.queue.CallScreen;
import org.bashgah.surveys.internal.queue.CallView;
import org.bashgah.surveys.internal.queue.CampaignRunResource;
import org.bashgah.surveys.internal.queue.ClaimResource;
import org.bashgah.surveys.internal.queue.QueueResource;
import org.bashgah.surveys.internal.queue.QueueRuns;
import org.bashgah.surveys.internal.report.SurveyReports;

/** The surveys bundle's hand-written OpenAPI fragments are true to its resources and records and fit core's document. */
class OpenApiFragmentTest extends OpenApiFragmentContract {
    OpenApiFragmentTest() {
        super(List.of("openapi/surveys-design.json", "openapi/surveys-calls.json", "openapi/surveys-reports.json"),
            QuestionnaireResource.class, "Surveys");
    }

    @Override
    protected Map<String, Class<?>> recordsOfSchemas() {
        return Map.ofEntries(Map.entry("SurveysText", Text.class),
            Map.entry("SurveysChoice", Questionnaire.Choice.class),
            Map.entry("SurveysQuestion", Questionnaire.Question.class),
            Map.entry("SurveysQuestionnaire", Questionnaire.class),
            Map.entry("SurveysQuestionnaireVersion", Questionnaire.Version.class),
            Map.entry("SurveysChoiceDraft", QuestionnaireRules.ChoiceDraft.class),
            Map.entry("SurveysQuestionDraft", QuestionnaireRules.QuestionDraft.class),
            Map.entry("SurveysQuestionnaireCreate", QuestionnaireResource.NewQuestionnaire.class),
            Map.entry("SurveysQuestionnaireChange", QuestionnaireResource.QuestionnaireChange.class),
            Map.entry("SurveysCampaign", Campaign.class),
            Map.entry("SurveysCampaignChange", CampaignRules.Change.class),
            Map.entry("SurveysRunRequest", CampaignRunResource.RunRequest.class),
            Map.entry("SurveysRunResult", QueueRuns.RunResult.class),
            Map.entry("SurveysCallView", CallView.class),
            Map.entry("SurveysAttempt", Attempt.class),
            Map.entry("SurveysCallDetail", CallQueue.CallDetail.class),
            Map.entry("SurveysQueue", CallQueue.QueueView.class),
            Map.entry("SurveysClaimRequest", QueueResource.ClaimRequest.class),
            Map.entry("SurveysMemberCard", CallScreen.MemberCard.class),
            Map.entry("SurveysVisit", CallScreen.Visit.class),
            Map.entry("SurveysPurchaseLine", PurchaseLine.class),
            Map.entry("SurveysPurchase", PurchaseSummary.class),
            Map.entry("SurveysCallScreen", CallScreen.class),
            Map.entry("SurveysAnswer", AnswerRules.Given.class),
            Map.entry("SurveysOutcomeRequest", ClaimResource.OutcomeRequest.class),
            Map.entry("SurveysRecorded", CallQueue.Recorded.class),
            Map.entry("SurveysAnswerView", Answers.AnswerView.class),
            Map.entry("SurveysResponse", Answers.ResponseView.class),
            Map.entry("SurveysAlert", Alert.class),
            Map.entry("SurveysResolution", AlertResource.Resolution.class),
            Map.entry("SurveysReportRow", SurveyReports.Row.class),
            Map.entry("SurveysReportSummary", SurveyReports.Summary.class),
            Map.entry("SurveysDistribution", SurveyReports.Distribution.class),
            Map.entry("SurveysTextAnswer", SurveyReports.TextAnswer.class));
    }

    @Override
    protected boolean everySchemaHasItsRecord() {
        return true;
    }
}
