package org.bashgah.surveys.internal.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bashgah.core.api.Validation;
import org.bashgah.surveys.internal.SurveysSettings.LowScores;
import org.bashgah.surveys.internal.questionnaire.QuestionKind;
import org.bashgah.surveys.internal.questionnaire.Questionnaire;

/**
 * What makes a set of answers complete and well formed against the questionnaire version the operator was shown,
 * and which answer, if any, is a low score.
 *
 * <p>Each answer names its question by the id the call screen showed and carries the one field its kind takes:
 * {@code score} for SCALE (1-5) and NPS (0-10), {@code choices} for SINGLE_CHOICE (exactly one) and
 * MULTIPLE_CHOICE (one or more, each once), {@code yes} for YES_NO, {@code text} for TEXT (up to
 * {@value #MAX_TEXT} characters). Every required question must be answered; an optional one may be left out.
 */
public final class AnswerRules {
    public static final int MAX_TEXT = 2000;

    private AnswerRules() {
    }

    /** An answer as the operator sends it. */
    public record Given(Long question, Integer score, List<String> choices, Boolean yes, String text) {
    }

    /** A checked answer; choices in the question's order. */
    public record Checked(Questionnaire.Question question, Integer score, List<String> choices, Boolean yes, String text) {
    }

    /** The answer that needs the branch's attention: its question and score. */
    public record Low(String question, QuestionKind kind, int score) {
    }

    /** Checks the answers into {@code v}; the checked answers, in the questionnaire's order, when all is well. */
    public static List<Checked> check(Validation v, Questionnaire version, List<Given> answers) {
        List<Given> given = answers == null ? List.of() : answers;
        v.check(!given.isEmpty(), "answers", "are required with outcome ANSWERED")
            .check(given.size() <= version.questions().size(), "answers",
                "has more answers than the questionnaire has questions (" + version.questions().size() + ")");
        List<Checked> checked = new ArrayList<>();
        Set<Long> answered = new HashSet<>();
        for (int i = 0; i < given.size() && i <= version.questions().size(); i++) {
            String field = "answers[" + i + "]";
            Given a = given.get(i);
            if (a == null) {
                v.add(field, "is required");
                continue;
            }
            v.require(field + ".question", a.question());
            if (a.question() == null) continue;
            Questionnaire.Question q = version.question(a.question());
            if (q == null) {
                v.add(field + ".question", "is not a question of questionnaire version " + version.version()
                    + ", the one this call showed");
                continue;
            }
            if (!answered.add(q.id())) {
                v.add(field + ".question", "is answered twice");
                continue;
            }
            Checked c = check(v, field, q, a);
            if (c != null) checked.add(c);
        }
        for (Questionnaire.Question q : version.questions()) {
            if (q.required() && !answered.contains(q.id())) {
                v.add("answers", "question " + q.code() + " (" + q.id() + ") is required");
            }
        }
        if (!v.ok()) return List.of();
        List<Checked> ordered = new ArrayList<>();
        for (Questionnaire.Question q : version.questions()) {
            checked.stream().filter(c -> c.question().id() == q.id()).findFirst().ifPresent(ordered::add);
        }
        return ordered;
    }

    private static Checked check(Validation v, String field, Questionnaire.Question q, Given a) {
        QuestionKind kind = q.kind();
        boolean ok = v.ok();
        v.check(a.score() == null || kind.scored(), field + ".score", "only SCALE and NPS questions take a score")
            .check(a.choices() == null || kind.hasChoices(), field + ".choices", "only choice questions take choices")
            .check(a.yes() == null || kind == QuestionKind.YES_NO, field + ".yes", "only YES_NO questions take yes")
            .check(a.text() == null || kind == QuestionKind.TEXT, field + ".text", "only TEXT questions take a text");
        List<String> choices = null;
        switch (kind) {
            case SCALE, NPS -> v.require(field + ".score", a.score())
                .check(a.score() == null || (a.score() >= kind.min() && a.score() <= kind.max()), field + ".score",
                    "must be from " + kind.min() + " to " + kind.max());
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                List<String> picked = a.choices() == null ? List.of() : a.choices();
                v.check(!picked.isEmpty(), field + ".choices", "must name a choice")
                    .check(kind != QuestionKind.SINGLE_CHOICE || picked.size() <= 1, field + ".choices",
                        "must name exactly one choice");
                Set<String> codes = new LinkedHashSet<>();
                for (int c = 0; c < picked.size() && c < q.choices().size() + 1; c++) {
                    String code = picked.get(c);
                    boolean known = code != null && q.choices().stream().anyMatch(x -> x.code().equals(code));
                    v.check(known, field + ".choices[" + c + "]", "is not a choice of question " + q.code())
                        .check(!known || codes.add(code), field + ".choices[" + c + "]", "is named twice");
                }
                choices = q.choices().stream().map(Questionnaire.Choice::code).filter(codes::contains).toList();
            }
            case YES_NO -> v.require(field + ".yes", a.yes());
            case TEXT -> v.require(field + ".text", a.text()).text(field + ".text", a.text(), MAX_TEXT);
            default -> throw new IllegalStateException(kind.name());
        }
        if (!ok || !v.ok()) return null;
        return new Checked(q, a.score(), choices, a.yes(), a.text() == null ? null : a.text().strip());
    }

    /**
     * The worst low score among the answers: a SCALE score at or below {@code low.scale()}, or an NPS score at or
     * below {@code low.nps()}; of several, the one lowest on its scale (a 1 of 5 before a 3 of 10), the first
     * in the questionnaire's order on a tie. Null when nothing is low.
     */
    public static Low lowest(List<Checked> answers, LowScores low) {
        Low worst = null;
        double worstShare = Double.MAX_VALUE;
        for (Checked a : answers) {
            QuestionKind kind = a.question().kind();
            if (!kind.scored() || a.score() == null) continue;
            int threshold = kind == QuestionKind.SCALE ? low.scale() : low.nps();
            if (a.score() > threshold) continue;
            double share = (a.score() - kind.min()) / (double) (kind.max() - kind.min());
            if (share < worstShare) {
                worstShare = share;
                worst = new Low(a.question().code(), kind, a.score());
            }
        }
        return worst;
    }
}
