package com.example.bashgah.birthday;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BirthdayBonusTest {

    @Test
    void aPurchaseOnTheBirthdayEarnsOnePointPerThousand() {
        assertEquals(600, BirthdayBonus.bonusPoints(LocalDate.of(1990, 5, 1), LocalDate.of(2026, 5, 1), 600_000, 1000));
    }

    @Test
    void anyOtherDayEarnsNothing() {
        assertEquals(0, BirthdayBonus.bonusPoints(LocalDate.of(1990, 5, 1), LocalDate.of(2026, 5, 2), 600_000, 1000));
        assertEquals(0, BirthdayBonus.bonusPoints(null, LocalDate.of(2026, 5, 1), 600_000, 1000));
    }

    @Test
    void leapDayMembersCelebrateOnTheLastDayOfFebruary() {
        assertEquals(5, BirthdayBonus.bonusPoints(LocalDate.of(2000, 2, 29), LocalDate.of(2026, 2, 28), 5_999, 1000));
        assertEquals(0, BirthdayBonus.bonusPoints(LocalDate.of(2000, 2, 29), LocalDate.of(2028, 2, 28), 5_999, 1000));
    }
}
