package org.bashgah.partners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void tenPercentOfTwoHundredThousandIsTwentyThousand() {
        assertEquals(20_000, Money.percentOf(200_000, BigDecimal.TEN));
    }

    @Test
    void fractionsAreRoundedDown() {
        assertEquals(12, Money.percentOf(99, new BigDecimal("12.5")));
        assertEquals(0, Money.percentOf(9, BigDecimal.TEN));
        assertEquals(1, Money.percentOf(3, new BigDecimal("33.34")));
    }

    @Test
    void zeroOrNoPercentGivesNothing() {
        assertEquals(0, Money.percentOf(1_000, BigDecimal.ZERO));
        assertEquals(0, Money.percentOf(1_000, null));
        assertEquals(0, Money.percentOf(0, BigDecimal.TEN));
    }

    @Test
    void memberReferencesDependOnTheSaltAndHideTheMember() {
        String ref = Hashes.memberRef("salt-1", "org", "member-42");
        assertEquals(ref, Hashes.memberRef("salt-1", "org", "member-42"));
        assertNotEquals(ref, Hashes.memberRef("salt-2", "org", "member-42"));
        assertEquals(18, ref.length());
        assertEquals(true, ref.matches("m-[0-9a-f]{16}"));
    }
}
