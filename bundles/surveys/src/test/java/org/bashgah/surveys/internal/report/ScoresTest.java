package org.bashgah.surveys.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScoresTest {

    private static Scores.Tally nps(int... scores) {
        Scores.Tally t = new Scores.Tally();
        for (int s : scores) t.add("NPS", s, 1);
        return t;
    }

    private static Scores.Tally scale(int... scores) {
        Scores.Tally t = new Scores.Tally();
        for (int s : scores) t.add("SCALE", s, 1);
        return t;
    }

    @Test
    void tenAnswersWithFourPromotersAndFourDetractorsScoreAnNpsOfZero() {
        Scores.Tally t = nps(10, 9, 9, 8, 7, 6, 3, 0, 10, 5);
        assertEquals(4, t.promoters());
        assertEquals(2, t.passives());
        assertEquals(4, t.detractors());
        assertEquals(new BigDecimal("0.0"), t.nps());
    }

    @Test
    void sixPromotersThreePassivesAndOneDetractorScoreFifty() {
        assertEquals(new BigDecimal("50.0"), nps(9, 9, 10, 10, 9, 10, 7, 8, 8, 6).nps());
    }

    @Test
    void onlyDetractorsScoreMinusAHundredAndOnlyPromotersAHundred() {
        assertEquals(new BigDecimal("-100.0"), nps(0, 6, 3).nps());
        assertEquals(new BigDecimal("100.0"), nps(9, 10).nps());
    }

    @Test
    void npsIsRoundedOnceToOneDecimalHalvesAwayFromZero() {
        // 1 promoter, 2 detractors of 3: -33.333... -> -33.3; 1 promoter of 8: 12.5; 1 detractor of 8: -12.5
        assertEquals(new BigDecimal("-33.3"), nps(10, 0, 0).nps());
        assertEquals(new BigDecimal("12.5"), nps(10, 7, 7, 7, 7, 7, 7, 7).nps());
        // 2 promoters, 1 detractor of 7: 14.2857 -> 14.3; of 16 answers 1 promoter: 6.25 -> 6.3
        assertEquals(new BigDecimal("14.3"), nps(9, 9, 0, 8, 8, 8, 8).nps());
        assertEquals(new BigDecimal("6.3"), nps(10, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7).nps());
    }

    @Test
    void csatIsTheShareOfFoursAndFives() {
        // 5, 4, 4 satisfied of 7: 57.142... -> 57.1; average 24/7 = 3.43
        Scores.Tally t = scale(5, 4, 4, 3, 2, 1, 5);
        assertEquals(7, t.scaleAnswers());
        assertEquals(new BigDecimal("57.1"), t.csat());
        assertEquals(new BigDecimal("3.43"), t.averageScale());
        assertEquals(new BigDecimal("100.0"), scale(4, 5, 5).csat());
        assertEquals(new BigDecimal("0.0"), scale(1, 2, 3).csat());
    }

    @Test
    void noAnswersIsNoScoreNotZero() {
        Scores.Tally t = new Scores.Tally();
        assertNull(t.csat());
        assertNull(t.nps());
        assertNull(t.averageScale());
        assertNull(Scores.percent(0, 0));
        // NPS answers do not make a CSAT, nor scale answers an NPS
        assertNull(nps(10).csat());
        assertNull(scale(5).nps());
    }

    @Test
    void scoresOffTheScaleAndCountsAddUp() {
        Scores.Tally t = new Scores.Tally().add("SCALE", 0, 3).add("SCALE", 6, 1).add("NPS", 11, 2).add("SCALE", null, 1);
        assertEquals(0, t.scaleAnswers());
        assertEquals(0, t.npsAnswers());
        Scores.Tally sum = scale(5, 1).add(scale(4)).add(new Scores.Tally().add("SCALE", 4, 2));
        assertEquals(5, sum.scaleAnswers());
        assertEquals(new BigDecimal("80.0"), sum.csat());
    }

    @Test
    void responseRateIsCompletedPerCallMade() {
        assertEquals(new BigDecimal("66.7"), Scores.percent(2, 3));
        assertEquals(new BigDecimal("100.0"), Scores.percent(4, 4));
        assertEquals(new BigDecimal("0.0"), Scores.percent(0, 4));
    }
}
