package org.bashgah.surveys.internal.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bashgah.core.api.BashgahException.Invalid;
import org.bashgah.core.api.FieldError;
import org.bashgah.core.api.Validation;
import org.bashgah.surveys.internal.questionnaire.QuestionnaireRules.ChoiceDraft;
import org.bashgah.surveys.internal.questionnaire.QuestionnaireRules.QuestionDraft;
import org.junit.jupiter.api.Test;

class QuestionnaireRulesTest {
    private static final Text NAME = new Text("نظرسنجی", "After the visit");

    private static List<String> faults(Text name, List<QuestionDraft> questions) {
        Validation v = new Validation();
        QuestionnaireRules.check(v, name, questions);
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (Invalid e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    private static QuestionDraft q(String code, String kind, List<ChoiceDraft> choices) {
        return new QuestionDraft(code, kind, new Text(null, "How was it?"), null, choices);
    }

    @Test
    void aQuestionnaireOfEveryKindIsWellFormed() {
        Validation v = new Validation();
        List<ChoiceDraft> two = List.of(new ChoiceDraft("a", new Text("الف", null)), new ChoiceDraft("b", new Text(null, "B")));
        List<QuestionnaireRules.CheckedQuestion> checked = QuestionnaireRules.check(v, NAME, List.of(
            q("overall", "SCALE", null), q("nps", "NPS", List.of()), q("one", "SINGLE_CHOICE", two),
            q("many", "MULTIPLE_CHOICE", two), q("again", "YES_NO", null),
            new QuestionDraft("comment", "TEXT", new Text("  نظر دیگری؟  ", " "), false, null)));
        assertTrue(v.ok());
        assertEquals(6, checked.size());
        assertTrue(checked.get(0).required(), "required by default");
        assertEquals(QuestionKind.MULTIPLE_CHOICE, checked.get(3).kind());
        assertEquals(new Text("نظر دیگری؟", null), checked.get(5).text(), "trimmed, a blank text dropped");
    }

    @Test
    void everyFaultIsNamed() {
        assertEquals(List.of("name", "questions"), faults(null, List.of()));
        assertEquals(List.of("name"), faults(new Text(" ", null), List.of(q("a", "SCALE", null))));
        assertEquals(List.of("questions[1].code"), faults(NAME, List.of(q("a", "SCALE", null), q("a", "NPS", null))));
        assertEquals(List.of("questions[0].kind"), faults(NAME, List.of(q("a", "STARS", null))));
        assertEquals(List.of("questions[0].code"), faults(NAME, List.of(q("a b", "SCALE", null))));
        assertEquals(List.of("questions[0].text"),
            faults(NAME, List.of(new QuestionDraft("a", "SCALE", null, null, null))));
        assertEquals(List.of("questions[0].text.en"),
            faults(NAME, List.of(new QuestionDraft("a", "SCALE", new Text(null, "x".repeat(501)), null, null))));
    }

    @Test
    void choiceQuestionsHaveTwoToTwentyDistinctChoicesAndOnlyThey() {
        ChoiceDraft a = new ChoiceDraft("a", new Text(null, "A"));
        assertEquals(List.of("questions[0].choices"), faults(NAME, List.of(q("x", "SINGLE_CHOICE", List.of(a)))));
        assertEquals(List.of("questions[0].choices[1].code"), faults(NAME, List.of(q("x", "MULTIPLE_CHOICE", List.of(a, a)))));
        assertEquals(List.of("questions[0].choices"), faults(NAME, List.of(q("x", "SCALE", List.of(a)))));
        assertEquals(List.of("questions[0].choices[1].code"), faults(NAME, List.of(q("x", "SINGLE_CHOICE",
            List.of(a, new ChoiceDraft("b,c", new Text(null, "B")))))));
        assertEquals(List.of("questions[0].choices[1].text"), faults(NAME, List.of(q("x", "SINGLE_CHOICE",
            List.of(a, new ChoiceDraft("b", null))))));
    }

    @Test
    void atMostFiftyQuestions() {
        List<QuestionDraft> many = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) many.add(q("q" + i, "YES_NO", null));
        assertEquals(List.of("questions"), faults(NAME, many));
        assertEquals(List.of(), faults(NAME, many.subList(0, 50)));
    }
}
