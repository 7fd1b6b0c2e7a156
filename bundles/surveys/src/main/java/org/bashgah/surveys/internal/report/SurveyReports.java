package org.bashgah.surveys.internal.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.bashgah.core.api.Branch;
import org.bashgah.core.api.BranchService;
import org.bashgah.surveys.internal.SurveysDatabase;
import org.bashgah.surveys.internal.campaign.Campaign;
import org.bashgah.surveys.internal.campaign.Campaigns;
import org.bashgah.surveys.internal.questionnaire.Questionnaire;
import org.bashgah.surveys.internal.questionnaire.Questionnaires;
import org.bashgah.surveys.internal.questionnaire.Text;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Survey reports over a period of the organisation's days (both ends included), by branch, operator, campaign,
 * question or day: response rate, CSAT and NPS ({@link Scores}); answer distributions; free-text answers. Each
 * is one grouped query over the surveys' own tables, whatever the number of members.
 *
 * <p>Calls count on the day they were closed and by whoever closed them; a call counts as made when someone
 * tried it (every closed call but those that expired untried). Answers count on the day they were given.
 */
@Component(service = SurveyReports.class)
public class SurveyReports {
    /** What a summary groups by. */
    public static final List<String> BY = List.of("branch", "operator", "campaign", "question", "day");
    static final String TEXT = "TEXT";

    private final SurveysDatabase db;
    private final BranchService branches;
    private final Campaigns campaigns;
    private final Questionnaires questionnaires;

    @Activate
    public SurveyReports(@Reference SurveysDatabase db, @Reference BranchService branches,
                         @Reference Campaigns campaigns, @Reference Questionnaires questionnaires) {
        this.db = db;
        this.branches = branches;
        this.campaigns = campaigns;
        this.questionnaires = questionnaires;
    }

    /** Which answers and calls a report covers: the period, and one branch and one campaign when given. */
    public record Filter(String organisationId, LocalDate from, LocalDate to, String branch, Long campaign) {
    }

    /**
     * One line of a summary. {@code calls}, {@code completed} and {@code responseRate} are null by question (a call
     * is not of one question); the score fields are null when nobody gave such an answer.
     */
    public record Row(String key, String label, Long calls, Long completed, BigDecimal responseRate, long scaleAnswers,
                      BigDecimal csat, BigDecimal averageScale, long npsAnswers, long promoters, long passives,
                      long detractors, BigDecimal nps) {
    }

    public record Summary(LocalDate from, LocalDate to, String by, String branch, Long campaign, Row total,
                          List<Row> rows) {
    }

    /** How one question was answered: counts per score, choice or yes/no. */
    public record Distribution(long questionnaire, String question, String kind, Text text, long answers,
                               Map<String, Long> counts) {
    }

    /** A free-text answer. */
    public record TextAnswer(long answer, long response, long questionnaire, String question, long campaign,
                             String branch, String operator, Instant answeredAt, String text) {
    }

    /** The summary grouped {@code by}, a question's label in {@code lang} ({@code fa} or {@code en}) when it has one. */
    public Summary summary(Filter f, String by, String lang) {
        Map<String, Tally> groups = new TreeMap<>();
        Tally total = new Tally();
        db.read(em -> {
            if (!by.equals("question")) {
                String dim = switch (by) {
                    case "branch" -> "c.branch";
                    case "operator" -> "c.closedBy";
                    case "campaign" -> "c.campaignId";
                    default -> "c.closedDay";
                };
                TypedQuery<Object[]> calls = em.createQuery("select " + dim + ", c.status, count(c.id) from CallEntity c"
                    + " where c.organisationId = :o and c.closedDay between :from and :to"
                    + " and (c.status <> :expired or c.attempts > 0 or c.callBacks > 0)" + filters(f, "c")
                    + " group by " + dim + ", c.status", Object[].class).setParameter("expired", "EXPIRED");
                for (Object[] row : bind(calls, f).getResultList()) {
                    long n = ((Number) row[2]).longValue();
                    boolean done = "DONE".equals(row[1]);
                    for (Tally t : List.of(groups.computeIfAbsent(String.valueOf(row[0]), k -> new Tally()), total)) {
                        t.calls += n;
                        if (done) t.completed += n;
                    }
                }
            }
            boolean perQuestion = by.equals("question");
            // per question: the questionnaire and the question's code, joined into the key here (not in SQL)
            String dim = switch (by) {
                case "branch" -> "a.branch";
                case "operator" -> "a.operator";
                case "campaign" -> "a.campaignId";
                case "question" -> "a.questionnaireId, a.questionCode";
                default -> "a.day";
            };
            TypedQuery<Object[]> scores = em.createQuery("select " + dim + ", a.kind, a.score, count(a.id)"
                + " from AnswerEntity a where a.organisationId = :o and a.day between :from and :to"
                + " and a.kind in :scored" + filters(f, "a") + " group by " + dim + ", a.kind, a.score", Object[].class)
                .setParameter("scored", List.of("SCALE", "NPS"));
            for (Object[] row : bind(scores, f).getResultList()) {
                int at = perQuestion ? 1 : 0;
                String key = perQuestion ? row[0] + "/" + row[1] : String.valueOf(row[0]);
                long n = ((Number) row[at + 3]).longValue();
                Integer score = row[at + 2] == null ? null : ((Number) row[at + 2]).intValue();
                String kind = (String) row[at + 1];
                groups.computeIfAbsent(key, k -> new Tally()).scores.add(kind, score, n);
                total.scores.add(kind, score, n);
            }
            return null;
        });
        Map<String, String> labels = labels(f.organisationId(), by, groups.keySet(), lang);
        boolean perQuestion = by.equals("question");
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, t) -> rows.add(t.row(key, labels.getOrDefault(key, key), perQuestion)));
        return new Summary(f.from(), f.to(), by, f.branch(), f.campaign(), total.row("total", "total", perQuestion), rows);
    }

    /** Distributions of every scored, choice and yes/no question answered in the period (of one when named). */
    public List<Distribution> distributions(Filter f, Long questionnaire, String question) {
        record Key(long questionnaire, String question, String kind) {
        }
        Map<Key, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<Key, Long> answers = new HashMap<>();
        db.read(em -> {
            TypedQuery<Object[]> q = em.createQuery("select a.questionnaireId, a.questionCode, a.kind, a.score, a.yes,"
                + " a.choices, count(a.id) from AnswerEntity a where a.organisationId = :o and a.day between :from and :to"
                + " and a.kind <> :text" + filters(f, "a") + (questionnaire != null ? " and a.questionnaireId = :qn" : "")
                + (question != null ? " and a.questionCode = :qc" : "")
                + " group by a.questionnaireId, a.questionCode, a.kind, a.score, a.yes, a.choices"
                + " order by a.questionnaireId, a.questionCode", Object[].class).setParameter("text", TEXT);
            if (questionnaire != null) q.setParameter("qn", questionnaire);
            if (question != null) q.setParameter("qc", question);
            for (Object[] row : bind(q, f).getResultList()) {
                Key key = new Key(((Number) row[0]).longValue(), (String) row[1], (String) row[2]);
                long n = ((Number) row[6]).longValue();
                Map<String, Long> c = counts.computeIfAbsent(key, k -> new LinkedHashMap<>());
                answers.merge(key, n, Long::sum);
                if (row[3] != null) c.merge(String.valueOf(((Number) row[3]).intValue()), n, Long::sum);
                if (row[4] != null) c.merge(Boolean.TRUE.equals(row[4]) ? "yes" : "no", n, Long::sum);
                if (row[5] != null) for (String code : ((String) row[5]).split(",")) c.merge(code, n, Long::sum);
            }
            return null;
        });
        Map<Long, Questionnaire> current = new HashMap<>();
        List<Distribution> out = new ArrayList<>();
        counts.forEach((key, c) -> {
            Questionnaire qn = current.computeIfAbsent(key.questionnaire(),
                id -> questionnaires.current(f.organisationId(), id));
            Questionnaire.Question asked = qn.questions().stream().filter(x -> x.code().equals(key.question()))
                .findFirst().orElse(null);
            Map<String, Long> ordered = new LinkedHashMap<>();
            switch (key.kind()) {
                case "SCALE" -> { for (int s = 1; s <= 5; s++) ordered.put(String.valueOf(s), 0L); }
                case "NPS" -> { for (int s = 0; s <= 10; s++) ordered.put(String.valueOf(s), 0L); }
                case "YES_NO" -> { ordered.put("yes", 0L); ordered.put("no", 0L); }
                default -> {
                    if (asked != null) asked.choices().forEach(ch -> ordered.put(ch.code(), 0L));
                }
            }
            // choices of older versions, gone from the current one, follow in code order
            new TreeSet<>(c.keySet()).forEach(k -> ordered.putIfAbsent(k, 0L));
            c.forEach((k, n) -> ordered.merge(k, n, Long::sum));
            out.add(new Distribution(key.questionnaire(), key.question(), key.kind(), asked == null ? null : asked.text(),
                answers.get(key), ordered));
        });
        return out;
    }

    /** Free-text answers, newest first, with ids below {@code beforeId} (0: the newest). */
    public List<TextAnswer> texts(Filter f, Long questionnaire, String question, long beforeId, int limit) {
        return db.read(em -> {
            TypedQuery<org.bashgah.surveys.internal.answer.AnswerEntity> q = em.createQuery("select a from AnswerEntity a"
                    + " where a.organisationId = :o and a.day between :from and :to and a.kind = :text" + filters(f, "a")
                    + (questionnaire != null ? " and a.questionnaireId = :qn" : "")
                    + (question != null ? " and a.questionCode = :qc" : "") + (beforeId > 0 ? " and a.id < :before" : "")
                    + " order by a.id desc", org.bashgah.surveys.internal.answer.AnswerEntity.class)
                .setParameter("text", TEXT).setMaxResults(limit);
            if (questionnaire != null) q.setParameter("qn", questionnaire);
            if (question != null) q.setParameter("qc", question);
            if (beforeId > 0) q.setParameter("before", beforeId);
            return bind(q, f).getResultStream().map(a -> new TextAnswer(a.id, a.responseId, a.questionnaireId,
                a.questionCode, a.campaignId, a.branch, a.operator, a.answeredAt, a.text)).toList();
        });
    }

    // ---- shared

    /** A summary line's sums before the scores are worked out. */
    private static final class Tally {
        long calls;
        long completed;
        final Scores.Tally scores = new Scores.Tally();

        Row row(String key, String label, boolean perQuestion) {
            return new Row(key, label, perQuestion ? null : calls, perQuestion ? null : completed,
                perQuestion ? null : Scores.percent(completed, calls), scores.scaleAnswers(), scores.csat(),
                scores.averageScale(), scores.npsAnswers(), scores.promoters(), scores.passives(), scores.detractors(),
                scores.nps());
        }
    }

    private static String filters(Filter f, String alias) {
        return (f.branch() != null ? " and " + alias + ".branch = :b" : "")
            + (f.campaign() != null ? " and " + alias + ".campaignId = :c" : "");
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, Filter f) {
        q.setParameter("o", f.organisationId()).setParameter("from", f.from()).setParameter("to", f.to());
        if (f.branch() != null) q.setParameter("b", f.branch());
        if (f.campaign() != null) q.setParameter("c", f.campaign());
        return q;
    }

    /** What a key is called: a branch's name, a campaign's name, a question's text (in {@code lang} first). */
    private Map<String, String> labels(String org, String by, java.util.Set<String> keys, String lang) {
        Map<String, String> labels = new HashMap<>();
        switch (by) {
            case "branch" -> {
                for (Branch b : branches.list(org)) labels.put(b.code(), b.name());
            }
            case "campaign" -> {
                for (Campaign c : campaigns.list(org)) labels.put(String.valueOf(c.id()), c.name());
            }
            case "question" -> {
                Map<Long, Questionnaire> current = new HashMap<>();
                for (String key : keys) {
                    String[] parts = key.split("/", 2);
                    if (parts.length != 2) continue;
                    Questionnaire q = current.computeIfAbsent(Long.parseLong(parts[0]),
                        id -> questionnaires.current(org, id));
                    q.questions().stream().filter(x -> x.code().equals(parts[1])).findFirst()
                        .ifPresent(x -> labels.put(key, q.code() + ": " + x.text().in(lang)));
                }
            }
            default -> { }
        }
        return labels;
    }
}
