package org.bashgah.surveys.internal.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bashgah.core.api.BashgahException.Invalid;
import org.bashgah.core.api.FieldError;
import org.bashgah.core.api.Validation;
import org.bashgah.surveys.internal.SurveysSettings.LowScores;
import org.bashgah.surveys.internal.answer.AnswerRules.Given;
import org.bashgah.surveys.internal.questionnaire.QuestionKind;
import org.bashgah.surveys.internal.questionnaire.Questionnaire;
import org.bashgah.surveys.internal.questionnaire.Text;
import org.junit.jupiter.api.Test;

class AnswerRulesTest {
    private static final Text T = new Text("متن", "text");
    private static final List<Questionnaire.Choice> CHOICES = List.of(new Questionnaire.Choice("staff", T),
        new Questionnaire.Choice("price", T), new Questionnaire.Choice("clean", T));
    /** Version 2 of the salon's questionnaire: overall (1-5), recommend (0-10), liked (several), again (yes/no), comment. */
    private static final Questionnaire SALON = new Questionnaire(1, "salon", 2, 2, T, List.of(
        new Questionnaire.Question(11, "overall", QuestionKind.SCALE, T, true, List.of()),
        new Questionnaire.Question(12, "recommend", QuestionKind.NPS, T, true, List.of()),
        new Questionnaire.Question(13, "liked", QuestionKind.MULTIPLE_CHOICE, T, false, CHOICES),
        new Questionnaire.Question(14, "stylist", QuestionKind.SINGLE_CHOICE, T, false, CHOICES),
        new Questionnaire.Question(15, "again", QuestionKind.YES_NO, T, false, List.of()),
        new Questionnaire.Question(16, "comment", QuestionKind.TEXT, T, false, List.of())), null, null);
    private static final LowScores DEFAULT_LOW = new LowScores(2, 4);

    private static Given score(long q, int s) {
        return new Given(q, s, null, null, null);
    }

    private static List<String> faults(List<Given> answers) {
        Validation v = new Validation();
        AnswerRules.check(v, SALON, answers);
        try {
            v.throwIfInvalid();
            return List.of();
        } catch (Invalid e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void aFullSurveyIsCheckedAndPutInTheQuestionnairesOrder() {
        Validation v = new Validation();
        List<AnswerRules.Checked> checked = AnswerRules.check(v, SALON, List.of(
            new Given(16L, null, null, null, "  The new stylist was great  "),
            new Given(13L, null, List.of("clean", "staff"), null, null),
            score(12, 9), score(11, 5),
            new Given(15L, null, null, true, null),
            new Given(14L, null, List.of("price"), null, null)));
        assertTrue(v.ok());
        assertEquals(List.of(11L, 12L, 13L, 14L, 15L, 16L), checked.stream().map(c -> c.question().id()).toList());
        assertEquals(List.of("staff", "clean"), checked.get(2).choices(), "choices in the question's order");
        assertEquals("The new stylist was great", checked.get(5).text());
    }

    @Test
    void theRequiredQuestionsAreEnough() {
        assertEquals(List.of(), faults(List.of(score(11, 3), score(12, 0))));
        assertEquals(List.of("answers"), faults(List.of(score(11, 3))));
        // no answers at all: said once, and each required question named
        assertEquals(List.of("answers", "answers", "answers"), faults(List.of()));
    }

    @Test
    void scoresMustBeOnTheQuestionsScale() {
        assertEquals(List.of("answers[0].score"), faults(List.of(score(11, 6), score(12, 10))));
        assertEquals(List.of("answers[0].score"), faults(List.of(score(11, 0), score(12, 10))));
        assertEquals(List.of("answers[1].score"), faults(List.of(score(11, 1), score(12, 11))));
        assertEquals(List.of("answers[1].score"), faults(List.of(score(11, 1), new Given(12L, null, null, null, null))));
    }

    @Test
    void eachKindTakesItsOwnFieldOnly() {
        List<Given> base = new ArrayList<>(List.of(score(11, 4), score(12, 8)));
        base.add(new Given(15L, 1, null, null, null));
        assertEquals(List.of("answers[2].score", "answers[2].yes"), faults(base));
        base.set(2, new Given(16L, null, null, true, "ok"));
        assertEquals(List.of("answers[2].yes"), faults(base));
        base.set(2, new Given(14L, null, List.of("price", "staff"), null, null));
        assertEquals(List.of("answers[2].choices"), faults(base));
        base.set(2, new Given(13L, null, List.of("price", "price", "parking"), null, null));
        assertEquals(List.of("answers[2].choices[1]", "answers[2].choices[2]"), faults(base));
        base.set(2, new Given(16L, null, null, null, "x".repeat(2001)));
        assertEquals(List.of("answers[2].text"), faults(base));
    }

    @Test
    void unknownAndRepeatedQuestionsAreNamed() {
        assertEquals(List.of("answers[2].question"), faults(List.of(score(11, 4), score(12, 8), score(99, 1))));
        assertEquals(List.of("answers[1].question", "answers"), faults(List.of(score(11, 4), score(11, 5))));
    }

    @Test
    void aTwoOfFiveIsLowAndAThreeIsNot() {
        assertEquals(new AnswerRules.Low("overall", QuestionKind.SCALE, 2),
            AnswerRules.lowest(checked(score(11, 2), score(12, 9)), DEFAULT_LOW));
        assertNull(AnswerRules.lowest(checked(score(11, 3), score(12, 9)), DEFAULT_LOW));
        assertEquals(new AnswerRules.Low("recommend", QuestionKind.NPS, 4),
            AnswerRules.lowest(checked(score(11, 3), score(12, 4)), DEFAULT_LOW));
    }

    @Test
    void theWorstOnItsOwnScaleIsTheAlertsScore() {
        // 2 of 1-5 is a quarter up its scale; 1 of 0-10 a tenth: the NPS answer is worse
        assertEquals(new AnswerRules.Low("recommend", QuestionKind.NPS, 1),
            AnswerRules.lowest(checked(score(11, 2), score(12, 1)), DEFAULT_LOW));
        assertNull(AnswerRules.lowest(checked(score(11, 1), score(12, 0)), new LowScores(0, -1)), "0 and -1: never");
    }

    private static List<AnswerRules.Checked> checked(Given... answers) {
        Validation v = new Validation();
        List<AnswerRules.Checked> checked = AnswerRules.check(v, SALON, List.of(answers));
        v.throwIfInvalid();
        return checked;
    }
}
