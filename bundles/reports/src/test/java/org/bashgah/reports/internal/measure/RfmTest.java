package org.bashgah.reports.internal.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RfmTest {

    /** Ten members, 1..10 days since their last visit, 1..10 visits, 100..1,000 spent: two members per quintile. */
    private static Rfm tenMembers() {
        long[] days = {3, 1, 2, 4, 5, 6, 7, 8, 9, 10};
        long[] visits = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        long[] spend = {1000, 900, 800, 700, 600, 500, 400, 300, 200, 100};
        return new Rfm(days, visits, spend);
    }

    @Test
    void tenDistinctMembersFallTwoToAQuintile() {
        Rfm rfm = tenMembers();
        // recency: 1 day has all 9 others with more days: 1 + min(4, floor(5 * 9 / 9)) = 5
        assertEquals(5, rfm.recencyScore(1));
        assertEquals(5, rfm.recencyScore(2));
        assertEquals(4, rfm.recencyScore(3), "7 worse: 1 + floor(5 * 7 / 9)");
        assertEquals(3, rfm.recencyScore(5));
        assertEquals(1, rfm.recencyScore(10));
        assertEquals(5, rfm.frequencyScore(10));
        assertEquals(3, rfm.frequencyScore(6), "5 worse: 1 + floor(5 * 5 / 9)");
        assertEquals(1, rfm.frequencyScore(1));
        assertEquals(5, rfm.monetaryScore(900));
        assertEquals(2, rfm.monetaryScore(300));
    }

    @Test
    void equalValuesGetEqualScores() {
        // seven members with one visit: none has fewer, so all are F1; 2 visits has 7 below: 1 + floor(35 / 9) = 4
        Rfm rfm = new Rfm(new long[10], new long[] {1, 1, 1, 1, 1, 1, 1, 2, 3, 4}, new long[10]);
        assertEquals(1, rfm.frequencyScore(1));
        assertEquals(4, rfm.frequencyScore(2));
        assertEquals(5, rfm.frequencyScore(3));
        assertEquals(5, rfm.frequencyScore(4));
        // every recency 0 days: nobody is worse, all R1 (no spread, no ranking)
        assertEquals(1, rfm.recencyScore(0));
    }

    @Test
    void scoreRangesShowTheValuesOfEachScore() {
        Rfm rfm = tenMembers();
        long[][] r = rfm.recencyRanges();
        assertArrayEquals(new long[] {9, 10}, r[0]);
        assertArrayEquals(new long[] {1, 2}, r[4]);
        long[][] f = new Rfm(new long[3], new long[] {1, 1, 5}, new long[3]).frequencyRanges();
        assertArrayEquals(new long[] {1, 1}, f[0]);
        assertNull(f[1], "the best of three gets 5, nobody 2 to 4");
        assertNull(f[3]);
        assertArrayEquals(new long[] {5, 5}, f[4]);
    }

    @Test
    void theRfGridNamesTheSegments() {
        assertEquals("champions", Rfm.segment(5, 5));
        assertEquals("champions", Rfm.segment(5, 4));
        assertEquals("loyal", Rfm.segment(4, 4));
        assertEquals("loyal", Rfm.segment(3, 5));
        assertEquals("new", Rfm.segment(5, 1));
        assertEquals("promising", Rfm.segment(4, 1));
        assertEquals("potential-loyalists", Rfm.segment(4, 3));
        assertEquals("need-attention", Rfm.segment(3, 3));
        assertEquals("about-to-sleep", Rfm.segment(3, 1));
        assertEquals("at-risk", Rfm.segment(2, 3));
        assertEquals("at-risk", Rfm.segment(1, 4));
        assertEquals("cannot-lose", Rfm.segment(1, 5));
        assertEquals("hibernating", Rfm.segment(2, 2));
        assertEquals("lost", Rfm.segment(1, 1));
        assertThrows(IllegalArgumentException.class, () -> Rfm.segment(0, 3));
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) assertEquals(true, Rfm.SEGMENTS.contains(Rfm.segment(r, f)));
        }
    }
}
