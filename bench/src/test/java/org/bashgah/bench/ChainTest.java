package org.bashgah.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChainTest {

    @Test
    void phonesAreIranianMobileNumbersInE164() {
        assertEquals("+989121000000", Chain.phone(0));
        assertEquals("+989121999999", Chain.phone(999_999));
        assertTrue(Chain.phone(8_999_999).matches("\\+98912\\d{7}"));
    }

    @Test
    void linesAddUpToTheAmountAndArePositive() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long amount = i < 100 ? 1 + i % 3 + 2 : Chain.amount(r);
            int n = Chain.lineCount(r);
            long[] parts = Chain.split(amount, n, r);
            long sum = 0;
            for (long p : parts) {
                assertTrue(p > 0, "part " + p + " of " + amount);
                sum += p;
            }
            assertEquals(amount, sum);
        }
    }

    @Test
    void amountsAreBoundedAndSkewed() {
        SplittableRandom r = new SplittableRandom(1);
        long[] a = new long[20_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = Chain.amount(r);
            assertTrue(a[i] >= 10_000 && a[i] <= 200_000_000);
            assertEquals(0, a[i] % 1000);
        }
        java.util.Arrays.sort(a);
        long median = a[a.length / 2];
        assertTrue(median > 1_000_000 && median < 2_000_000, "median " + median);
        assertTrue(a[(int) (a.length * 0.99)] > 5 * median, "a long tail");
    }

    @Test
    void aFewMembersBuyMostOften() {
        Chain chain = new Chain(5, 1000);
        SplittableRandom r = new SplittableRandom(3);
        int n = 100_000;
        int topFifth = 0;
        int[] seen = new int[1000];
        for (int i = 0; i < n; i++) {
            int m = chain.pickMember(r);
            seen[m]++;
            if (m < 200) topFifth++;
        }
        assertTrue(topFifth > 0.55 * n && topFifth < 0.65 * n, "the first 20% of members make " + topFifth + " of " + n);
        assertTrue(seen[0] < 0.02 * n, "no single member takes a big share: " + seen[0]);
        assertTrue(seen[999] < seen[0]);
    }

    @Test
    void optionsParse() {
        Args a = new Args(new String[] {"x", "--members", "1_000", "--skip-generate", "--url=http://h:1"}, 1);
        assertEquals(1000, a.integer("members", 0));
        assertTrue(a.flag("skip-generate"));
        assertEquals("http://h:1", a.str("url", null));
    }
}
