package org.bashgah.surveys.internal.questionnaire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bashgah.core.api.Validation;

/**
 * What makes a questionnaire well formed: a name and 1 to {@value #MAX_QUESTIONS} questions, each with a code
 * unique in the questionnaire, a kind, a text (Persian, English or both) and, for choice questions, 2 to
 * {@value #MAX_CHOICES} choices with codes unique in the question. Every fault is named in one 400.
 */
public final class QuestionnaireRules {
    public static final int MAX_QUESTIONS = 50;
    public static final int MAX_CHOICES = 20;
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 500;

    private QuestionnaireRules() {
    }

    /** A question as a request gives it; {@code required} defaults to true. */
    public record QuestionDraft(String code, String kind, Text text, Boolean required, List<ChoiceDraft> choices) {
    }

    /** A choice as a request gives it. */
    public record ChoiceDraft(String code, Text text) {
    }

    /** A checked question, ready to be stored. */
    public record CheckedQuestion(String code, QuestionKind kind, Text text, boolean required,
                                  List<Questionnaire.Choice> choices) {
    }

    /** Checks the name and questions into {@code v}; the checked questions when all is well, else an empty list. */
    public static List<CheckedQuestion> check(Validation v, Text name, List<QuestionDraft> questions) {
        text(v, "name", name, MAX_NAME);
        List<QuestionDraft> given = questions == null ? List.of() : questions;
        v.check(!given.isEmpty(), "questions", "must list at least one question")
            .check(given.size() <= MAX_QUESTIONS, "questions", "must list at most " + MAX_QUESTIONS + " questions");
        List<CheckedQuestion> checked = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < given.size() && i < MAX_QUESTIONS; i++) {
            String field = "questions[" + i + "]";
            QuestionDraft q = given.get(i);
            if (q == null) {
                v.add(field, "is required");
                continue;
            }
            QuestionKind kind = QuestionKind.of(q.kind());
            v.require(field + ".code", q.code()).code(field + ".code", q.code())
                .check(q.code() == null || codes.add(q.code()), field + ".code", "is used by an earlier question")
                .require(field + ".kind", q.kind())
                .check(q.kind() == null || kind != null, field + ".kind", "must be one of " + QuestionKind.names());
            text(v, field + ".text", q.text(), MAX_TEXT);
            List<Questionnaire.Choice> choices = new ArrayList<>();
            List<ChoiceDraft> givenChoices = q.choices() == null ? List.of() : q.choices();
            if (kind != null && kind.hasChoices()) {
                v.check(givenChoices.size() >= 2 && givenChoices.size() <= MAX_CHOICES, field + ".choices",
                    "must list 2 to " + MAX_CHOICES + " choices");
                Set<String> choiceCodes = new HashSet<>();
                for (int c = 0; c < givenChoices.size() && c < MAX_CHOICES; c++) {
                    String cf = field + ".choices[" + c + "]";
                    ChoiceDraft choice = givenChoices.get(c);
                    if (choice == null) {
                        v.add(cf, "is required");
                        continue;
                    }
                    // a code has no ',' (Validation.code): answers store the codes comma-separated
                    v.require(cf + ".code", choice.code()).code(cf + ".code", choice.code())
                        .check(choice.code() == null || choiceCodes.add(choice.code()), cf + ".code",
                            "is used by an earlier choice");
                    text(v, cf + ".text", choice.text(), MAX_TEXT);
                    choices.add(new Questionnaire.Choice(choice.code(), trimmed(choice.text())));
                }
            } else if (kind != null) {
                v.check(givenChoices.isEmpty(), field + ".choices", "only choice questions have choices");
            }
            if (v.ok()) {
                checked.add(new CheckedQuestion(q.code(), kind, trimmed(q.text()), q.required() == null || q.required(),
                    List.copyOf(choices)));
            }
        }
        return v.ok() ? checked : List.of();
    }

    /** A text in at least one of the two languages, each within {@code max} characters and without control characters. */
    static void text(Validation v, String field, Text text, int max) {
        if (text == null) {
            v.add(field, "is required (fa, en or both)");
            return;
        }
        v.check(!blank(text.fa()) || !blank(text.en()), field, "needs a Persian (fa) or an English (en) text")
            .text(field + ".fa", text.fa(), max)
            .text(field + ".en", text.en(), max);
    }

    static Text trimmed(Text text) {
        return text == null ? null : new Text(blank(text.fa()) ? null : text.fa().strip(),
            blank(text.en()) ? null : text.en().strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
