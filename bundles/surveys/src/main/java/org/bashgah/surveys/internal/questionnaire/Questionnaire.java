package org.bashgah.surveys.internal.questionnaire;

import java.time.Instant;
import java.util.List;

/**
 * One version of a questionnaire as the API shows it: its ordered questions, and which version is the current
 * one (what operators are shown from now on).
 */
public record Questionnaire(long id, String code, int version, int currentVersion, Text name, List<Question> questions,
                            Instant changedAt, String changedBy) {

    /** A question of one version; {@code id} is that version's, {@code code} follows the question across versions. */
    public record Question(long id, String code, QuestionKind kind, Text text, boolean required, List<Choice> choices) {
    }

    /** A choice of a choice question. */
    public record Choice(String code, Text text) {
    }

    /** A version in the list of versions: {@code inUse} once an operator was shown it (it never changes again). */
    public record Version(int version, Text name, int questions, boolean inUse, Instant changedAt, String changedBy) {
    }

    public Question question(long questionId) {
        return questions.stream().filter(q -> q.id() == questionId).findFirst().orElse(null);
    }
}
