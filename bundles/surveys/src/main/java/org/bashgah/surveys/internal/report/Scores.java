package org.bashgah.surveys.internal.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The survey scores, from counts of answers per score. Percentages are computed exactly and then rounded to one
 * decimal, halves away from zero (so NPS -12.25 shows -12.3); an average to two decimals. A score over no answers is
 * null, not 0: "nobody answered" is not "everybody was unhappy".
 * <ul>
 *   <li><b>CSAT</b>: the share of 1-5 scale answers that are 4 or 5 (satisfied or very satisfied), in percent.</li>
 *   <li><b>NPS</b>: of the 0-10 answers, the percentage of promoters (9 and 10) less the percentage of detractors
 *       (0 to 6); passives (7 and 8) count only in the total. From -100 to 100.</li>
 *   <li><b>Response rate</b>: completed surveys per call made, in percent.</li>
 * </ul>
 */
public final class Scores {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scores() {
    }

    /** Answers per score: {@code scale[1..5]} of the 1-5 scale, {@code nps[0..10]} of the NPS scale. */
    public static final class Tally {
        final long[] scale = new long[6];
        final long[] nps = new long[11];

        /** Counts {@code count} answers of {@code score}; scores outside the scale are not counted. */
        public Tally add(String kind, Integer score, long count) {
            if (score == null) return this;
            if ("SCALE".equals(kind) && score >= 1 && score <= 5) scale[score] += count;
            if ("NPS".equals(kind) && score >= 0 && score <= 10) nps[score] += count;
            return this;
        }

        public Tally add(Tally other) {
            for (int i = 0; i < scale.length; i++) scale[i] += other.scale[i];
            for (int i = 0; i < nps.length; i++) nps[i] += other.nps[i];
            return this;
        }

        public long scaleAnswers() {
            long n = 0;
            for (int s = 1; s <= 5; s++) n += scale[s];
            return n;
        }

        public long npsAnswers() {
            long n = 0;
            for (long c : nps) n += c;
            return n;
        }

        public long promoters() {
            return nps[9] + nps[10];
        }

        public long passives() {
            return nps[7] + nps[8];
        }

        public long detractors() {
            long n = 0;
            for (int s = 0; s <= 6; s++) n += nps[s];
            return n;
        }

        public BigDecimal csat() {
            return percent(scale[4] + scale[5], scaleAnswers());
        }

        public BigDecimal averageScale() {
            long n = scaleAnswers();
            if (n == 0) return null;
            long sum = 0;
            for (int s = 1; s <= 5; s++) sum += s * scale[s];
            return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        }

        public BigDecimal nps() {
            long n = npsAnswers();
            if (n == 0) return null;
            return HUNDRED.multiply(BigDecimal.valueOf(promoters() - detractors()))
                .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
        }
    }

    /** {@code part} of {@code whole} in percent, to one decimal; null when {@code whole} is 0. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) return null;
        return HUNDRED.multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
