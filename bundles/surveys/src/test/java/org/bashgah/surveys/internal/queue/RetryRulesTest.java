package org.bashgah.surveys.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.surveys.internal.campaign.Campaign;
import org.bashgah.surveys.internal.queue.RetryRules.Next;
import org.bashgah.surveys.internal.queue.RetryRules.Outcome;
import org.junit.jupiter.api.Test;

/** A campaign that tries three times, two hours after no answer and 15 minutes after busy, for seven days. */
class RetryRulesTest {
    private static final Campaign CAMPAIGN = new Campaign(1, "c", 1, true, List.of(), List.of(), false, 100, null, 24,
        "10:00", "20:00", List.of("MONDAY"), 50, 60, 3, 120, 15, 7, null, null, null);
    private static final Instant BOUGHT = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant GIVE_UP = RetryRules.giveUpAt(BOUGHT, CAMPAIGN);

    private static Next after(Outcome o, int attempts, int callBacks, Instant callBackAt) {
        return RetryRules.after(o, attempts, callBacks, NOW, callBackAt, GIVE_UP, CAMPAIGN);
    }

    @Test
    void answeredRefusedAndWrongNumberCloseTheCall() {
        assertEquals(new Next(CallEntity.DONE, null, 1, 0), after(Outcome.ANSWERED, 1, 0, null));
        assertEquals(new Next(CallEntity.REFUSED, null, 0, 0), after(Outcome.REFUSED, 0, 0, null));
        assertEquals(new Next(CallEntity.WRONG_NUMBER, null, 2, 1), after(Outcome.WRONG_NUMBER, 2, 1, null));
        assertTrue(after(Outcome.ANSWERED, 0, 0, null).closed());
    }

    @Test
    void noAnswerTriesAgainTwoHoursLaterUntilTheThirdTry() {
        Next first = after(Outcome.NO_ANSWER, 0, 0, null);
        assertEquals(new Next(CallEntity.PENDING, NOW.plus(Duration.ofHours(2)), 1, 0), first);
        Next second = after(Outcome.NO_ANSWER, 1, 0, null);
        assertEquals(2, second.attempts());
        assertEquals(CallEntity.PENDING, second.status());
        Next third = after(Outcome.NO_ANSWER, 2, 0, null);
        assertEquals(new Next(CallEntity.GAVE_UP, null, 3, 0), third);
    }

    @Test
    void busyTriesAgainAQuarterOfAnHourLaterAndCountsAsATry() {
        assertEquals(new Next(CallEntity.PENDING, NOW.plus(Duration.ofMinutes(15)), 1, 0), after(Outcome.BUSY, 0, 0, null));
        assertEquals(CallEntity.GAVE_UP, after(Outcome.BUSY, 2, 0, null).status());
    }

    @Test
    void aRetryAfterTheCampaignGivesUpGivesUpAtOnce() {
        Instant late = GIVE_UP.minus(Duration.ofMinutes(30));
        Next next = RetryRules.after(Outcome.NO_ANSWER, 0, 0, late, null, GIVE_UP, CAMPAIGN);
        assertEquals(CallEntity.GAVE_UP, next.status());
        assertNull(next.dueAt());
    }

    @Test
    void aCallBackIsDueWhenTheMemberAskedAndIsNoFailedTry() {
        Instant at = NOW.plus(Duration.ofHours(5));
        assertEquals(new Next(CallEntity.PENDING, at, 1, 1), after(Outcome.CALL_BACK, 1, 0, at));
    }

    @Test
    void aCallBackMustBeAheadWithinTwoWeeksBeforeGivingUpAndAtMostThree() {
        assertEquals("callBackAt", assertThrows(Rejected.class, () -> after(Outcome.CALL_BACK, 0, 0, NOW)).field());
        Instant far = NOW.plus(Duration.ofDays(15));
        assertEquals("callBackAt", assertThrows(Rejected.class,
            () -> RetryRules.after(Outcome.CALL_BACK, 0, 0, NOW, far, far.plus(Duration.ofDays(1)), CAMPAIGN)).field());
        assertEquals("callBackAt", assertThrows(Rejected.class,
            () -> after(Outcome.CALL_BACK, 0, 0, GIVE_UP.plusSeconds(1))).field());
        assertEquals("outcome", assertThrows(Rejected.class,
            () -> after(Outcome.CALL_BACK, 0, RetryRules.MAX_CALL_BACKS, NOW.plus(Duration.ofHours(1)))).field());
    }

    @Test
    void outcomesByName() {
        assertEquals(Outcome.CALL_BACK, Outcome.of("CALL_BACK"));
        assertNull(Outcome.of("call_back"));
        assertNull(Outcome.of("ABANDONED"));
        assertEquals(GIVE_UP, Instant.parse("2026-11-30T08:00:00Z"));
    }
}
