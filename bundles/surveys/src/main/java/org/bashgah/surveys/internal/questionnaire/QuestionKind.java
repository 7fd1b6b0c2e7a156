package org.bashgah.surveys.internal.questionnaire;

import java.util.Arrays;
import java.util.List;

/**
 * What a question asks for. {@link #SCALE} is the 1-5 satisfaction scale CSAT is computed from, {@link #NPS} the
 * 0-10 "how likely are you to recommend us" scale NPS is computed from.
 */
public enum QuestionKind {
    SCALE(1, 5),
    NPS(0, 10),
    SINGLE_CHOICE(0, 0),
    MULTIPLE_CHOICE(0, 0),
    YES_NO(0, 0),
    TEXT(0, 0);

    private final int min;
    private final int max;

    QuestionKind(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public boolean scored() {
        return this == SCALE || this == NPS;
    }

    public boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    /** The lowest score of a scored kind. */
    public int min() {
        return min;
    }

    /** The highest score of a scored kind. */
    public int max() {
        return max;
    }

    /** The kind of this name, or null. */
    public static QuestionKind of(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
