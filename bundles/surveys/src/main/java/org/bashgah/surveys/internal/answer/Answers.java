package org.bashgah.surveys.internal.answer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.persistence.EntityManager;
import org.bashgah.core.api.BashgahException.NotFound;
import org.bashgah.surveys.internal.SurveysDatabase;
import org.bashgah.surveys.internal.SurveysSettings.LowScores;
import org.bashgah.surveys.internal.questionnaire.Questionnaire;
import org.bashgah.surveys.internal.questionnaire.Questionnaires;
import org.bashgah.surveys.internal.questionnaire.Text;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Completed surveys: written by the call queue inside the transaction that closes the call (so a call is answered
 * once, with its alert, or not at all), and read back with the questions of the version they answered.
 */
@Component(service = Answers.class)
public class Answers {
    private final SurveysDatabase db;

    @Activate
    public Answers(@Reference SurveysDatabase db) {
        this.db = db;
    }

    /** What the call queue knows when an operator records the answers. */
    public record Completion(String organisationId, long callId, long claimId, long campaignId, long questionnaireId,
                             long versionId, String memberId, String branch, String operator, Instant at, LocalDate day,
                             String apologyOffer) {
    }

    /** A response as the API shows it; each answer with the question text of the version it was given to. */
    public record ResponseView(long id, long call, long campaign, long questionnaire, int version, String member,
                               String branch, String operator, Instant answeredAt, List<AnswerView> answers, Long alert) {
    }

    /** One answer; only the field of its kind is set. */
    public record AnswerView(long question, String code, String kind, Text questionText, Integer score,
                             List<String> choices, Boolean yes, String text) {
    }

    /** The response and, when a score was low, its alert. */
    public record Written(ResponseEntity response, AlertEntity alert) {
    }

    /** Writes the response, its answers and, for a low score, the alert; in the caller's transaction. */
    public static Written write(EntityManager em, Completion c, List<AnswerRules.Checked> answers, LowScores lowScores) {
        ResponseEntity r = new ResponseEntity();
        r.organisationId = c.organisationId();
        r.callId = c.callId();
        r.claimId = c.claimId();
        r.campaignId = c.campaignId();
        r.questionnaireId = c.questionnaireId();
        r.versionId = c.versionId();
        r.memberId = c.memberId();
        r.branch = c.branch();
        r.operator = c.operator();
        r.answeredAt = c.at();
        r.day = c.day();
        em.persist(r);
        em.flush();
        for (AnswerRules.Checked a : answers) {
            AnswerEntity e = new AnswerEntity();
            e.responseId = r.id;
            e.organisationId = r.organisationId;
            e.campaignId = r.campaignId;
            e.questionnaireId = r.questionnaireId;
            e.questionId = a.question().id();
            e.questionCode = a.question().code();
            e.kind = a.question().kind().name();
            e.branch = r.branch;
            e.operator = r.operator;
            e.answeredAt = r.answeredAt;
            e.day = r.day;
            e.score = a.score();
            e.choices = a.choices() == null ? null : String.join(",", a.choices());
            e.yes = a.yes();
            e.text = a.text();
            em.persist(e);
        }
        AnswerRules.Low low = AnswerRules.lowest(answers, lowScores);
        AlertEntity alert = null;
        if (low != null) {
            alert = new AlertEntity();
            alert.organisationId = r.organisationId;
            alert.responseId = r.id;
            alert.callId = r.callId;
            alert.campaignId = r.campaignId;
            alert.memberId = r.memberId;
            alert.branch = r.branch;
            alert.operator = r.operator;
            alert.questionCode = low.question();
            alert.kind = low.kind().name();
            alert.score = low.score();
            alert.apologyOffer = c.apologyOffer();
            alert.status = AlertEntity.OPEN;
            alert.createdAt = r.answeredAt;
            em.persist(alert);
        }
        em.flush();
        return new Written(r, alert);
    }

    /** A response; with {@code branch} (a branch-bound caller's) only one of that branch. */
    public ResponseView get(String organisationId, long id, String branch) {
        return db.read(em -> {
            ResponseEntity r = em.find(ResponseEntity.class, id);
            if (r == null || !r.organisationId.equals(organisationId) || (branch != null && !branch.equals(r.branch))) {
                throw new NotFound("no response " + id);
            }
            return view(em, r);
        });
    }

    /** Responses newest first, with ids below {@code beforeId} (0: the newest). */
    public List<ResponseView> list(String organisationId, String branch, Long campaign, long beforeId, int limit) {
        return db.read(em -> {
            var query = em.createQuery("select r from ResponseEntity r where r.organisationId = :o"
                    + (branch != null ? " and r.branch = :b" : "") + (campaign != null ? " and r.campaignId = :c" : "")
                    + (beforeId > 0 ? " and r.id < :before" : "") + " order by r.id desc", ResponseEntity.class)
                .setParameter("o", organisationId).setMaxResults(limit);
            if (branch != null) query.setParameter("b", branch);
            if (campaign != null) query.setParameter("c", campaign);
            if (beforeId > 0) query.setParameter("before", beforeId);
            return query.getResultList().stream().map(r -> view(em, r)).toList();
        });
    }

    private static ResponseView view(EntityManager em, ResponseEntity r) {
        Questionnaire version = Questionnaires.byVersionId(em, r.versionId);
        // in the questionnaire's order (the ids need not be: EclipseLink inserts one transaction's rows in any order)
        List<Long> order = version.questions().stream().map(Questionnaire.Question::id).toList();
        List<AnswerView> answers = em.createQuery("select a from AnswerEntity a where a.responseId = :r",
                AnswerEntity.class).setParameter("r", r.id).getResultList().stream()
            .sorted(java.util.Comparator.comparingInt(a -> order.indexOf(a.questionId)))
            .map(a -> {
                Questionnaire.Question q = version.question(a.questionId);
                return new AnswerView(a.questionId, a.questionCode, a.kind, q == null ? null : q.text(), a.score,
                    a.choiceList(), a.yes, a.text);
            }).toList();
        Long alert = em.createQuery("select a.id from AlertEntity a where a.responseId = :r", Long.class)
            .setParameter("r", r.id).getResultStream().findFirst().orElse(null);
        return new ResponseView(r.id, r.callId, r.campaignId, r.questionnaireId, version.version(), r.memberId, r.branch,
            r.operator, r.answeredAt, answers, alert);
    }
}
