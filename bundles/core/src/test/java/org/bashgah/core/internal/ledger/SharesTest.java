package org.bashgah.core.internal.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Proportional shares round down, and refund steps never lose or invent a unit. */
class SharesTest {

    @Test
    void aShareRoundsDown() {
        assertEquals(6_666, Shares.share(20_000, 1, 3)); // 6,666.67
        assertEquals(13_333, Shares.share(20_000, 2, 3)); // 13,333.33
        assertEquals(19_999, Shares.share(199_999, 10, 100)); // 10% of 199,999 is 19,999.9
        assertEquals(0, Shares.share(9, 1, 10)); // 0.9
        assertEquals(20_000, Shares.share(20_000, 600_000, 600_000));
    }

    @Test
    void aShareOfAWholeOfZeroIsZero() {
        assertEquals(0, Shares.share(20_000, 0, 0));
        assertEquals(0, Shares.share(20_000, 5, 0));
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        long half = Long.MAX_VALUE / 2;

        assertEquals(half - 1, Shares.share(half, half - 1, half)); // half * (half - 1) is far above 2^63
        assertEquals(half / 2, Shares.share(half, half, 2 * half));
        assertEquals(Long.MAX_VALUE, Shares.share(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void refundingAPurchaseInThreeEqualThirdsReversesExactlyTheTwentyThousandEarned() {
        // 20,000 earned on a purchase of 600,000; rounding each third on its own would give 3 x 6,666 = 19,998
        long first = Shares.step(20_000, 0, 200_000, 600_000);
        long second = Shares.step(20_000, 200_000, 400_000, 600_000);
        long third = Shares.step(20_000, 400_000, 600_000, 600_000);

        assertEquals(6_666, first);
        assertEquals(6_667, second);
        assertEquals(6_667, third);
        assertEquals(20_000, first + second + third);
    }

    @Test
    void refundingAPurchaseInThreeUnequalPartsReversesExactlyTheTwentyThousandEarned() {
        long first = Shares.step(20_000, 0, 100_000, 600_000);
        long second = Shares.step(20_000, 100_000, 250_000, 600_000);
        long third = Shares.step(20_000, 250_000, 600_000, 600_000);

        assertEquals(3_333, first);
        assertEquals(5_000, second);
        assertEquals(11_667, third);
        assertEquals(20_000, first + second + third);
    }

    @Test
    void stepsOverAnySplitAlwaysAddUpToTheTotalAndAreNeverNegative() {
        Random random = new Random(20_000);
        for (int round = 0; round < 2_000; round++) {
            long whole = 1 + (long) (random.nextDouble() * 1_000_000_000_000L);
            long total = (long) (random.nextDouble() * 1_000_000_000_000_000L);
            long[] cuts = random.longs(random.nextInt(6), 0, whole).sorted().toArray();
            long[] points = new long[cuts.length + 2];
            System.arraycopy(cuts, 0, points, 1, cuts.length);
            points[points.length - 1] = whole;

            long sum = 0;
            for (int i = 1; i < points.length; i++) {
                long step = Shares.step(total, points[i - 1], points[i], whole);
                assertTrue(step >= 0, () -> "negative step for total " + total + " over " + Arrays.toString(points));
                sum += step;
            }
            assertEquals(total, sum, "total " + total + " over " + Arrays.toString(points));
        }
    }
}
