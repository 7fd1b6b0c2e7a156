package org.bashgah.surveys.internal.questionnaire;

/**
 * A text in Persian and English, as operators read it out and reports show it; either may be missing, not
 * both. Persian is the chain's language, English the fallback for staff and exports.
 */
public record Text(String fa, String en) {

    /** Persian when there is one, else English: what a label in a report shows by default. */
    public String preferred() {
        return in("fa");
    }

    /** The text in {@code lang} ({@code fa} or {@code en}) when there is one, else in the other language. */
    public String in(String lang) {
        boolean hasFa = fa != null && !fa.isBlank();
        boolean hasEn = en != null && !en.isBlank();
        if ("en".equals(lang)) return hasEn || !hasFa ? en : fa;
        return hasFa || !hasEn ? fa : en;
    }

    static Text of(String fa, String en) {
        return new Text(fa, en);
    }
}
