package org.bashgah.surveys.internal.questionnaire;

/**
 * A text in Persian and English, as operators read it out and reports show it; either may be missing, not
 * both. Persian is the chain's language, English the fallback for staff and exports.
 */
public record Text(String fa, String en) {

    /** Persian when there is one, else English: what a label in a report shows. */
    public String preferred() {
        return fa != null && !fa.isBlank() ? fa : en;
    }

    static Text of(String fa, String en) {
        return new Text(fa, en);
    }
}
