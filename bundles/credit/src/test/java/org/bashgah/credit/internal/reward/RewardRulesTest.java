package org.bashgah.credit.internal.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.bashgah.core.api.BashgahException.Invalid;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.core.api.FieldError;
import org.bashgah.core.api.Validation;
import org.junit.jupiter.api.Test;

/** The catalogue's rules with a café's numbers: a mug for 500 points at tehran-1 and tehran-2, three in stock. */
class RewardRulesTest {
    private static final List<String> TEHRAN = List.of("tehran-1", "tehran-2");

    @Test
    void aMugForFiveHundredPointsAtTwoBranchesIsAValidReward() {
        assertTrue(RewardRules.check(new Validation(), "Mug", 500L, 3L, TEHRAN).ok());
    }

    @Test
    void everyFaultOfARewardIsNamedAtOnce() {
        Invalid invalid = assertThrows(Invalid.class, () -> RewardRules.check(new Validation(), "<b>Mug</b>", 0L, -1L,
            Arrays.asList("tehran-1", "no branch", null)).throwIfInvalid());

        assertEquals(List.of("name", "pointsCost", "stock", "branches[1]", "branches[2]"),
            invalid.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aPatchChecksOnlyTheFieldsItGives() {
        assertTrue(RewardRules.check(new Validation(), null, null, null, null).ok());
        assertFalse(RewardRules.check(new Validation(), " ", null, null, null).ok());
    }

    @Test
    void branchesAreKeptOnceAndSortedAndNoneMeansEveryBranch() {
        assertEquals(TEHRAN, RewardRules.normalise(List.of("tehran-2", "tehran-1", "tehran-2")));
        assertEquals(List.of(), RewardRules.normalise(null));
        assertTrue(RewardRules.claimableAt(List.of(), "shiraz-1"));
        assertTrue(RewardRules.claimableAt(TEHRAN, "tehran-2"));
        assertFalse(RewardRules.claimableAt(TEHRAN, "shiraz-1"));
    }

    @Test
    void theMugCannotBeClaimedAtShiraz() {
        Rejected r = assertThrows(Rejected.class,
            () -> RewardRules.requireClaimable("Mug", true, 3L, TEHRAN, "shiraz-1"));
        assertEquals("branch", r.field());
    }

    @Test
    void anInactiveOrSoldOutRewardIsRefusedAndUnlimitedStockNeverRunsOut() {
        assertEquals("reward", assertThrows(Rejected.class,
            () -> RewardRules.requireClaimable("Mug", false, 3L, TEHRAN, "tehran-1")).field());
        Rejected soldOut = assertThrows(Rejected.class,
            () -> RewardRules.requireClaimable("Mug", true, 0L, TEHRAN, "tehran-1"));
        assertEquals("reward", soldOut.field());
        assertTrue(soldOut.getMessage().contains("out of stock"));
        RewardRules.requireClaimable("Mug", true, null, List.of(), "tehran-1");
        RewardRules.requireClaimable("Mug", true, 1L, TEHRAN, "tehran-1");
    }

    @Test
    void aMemberWith499PointsCannotClaimTheMug() {
        RewardRules.requirePoints(500, 500);
        assertEquals("member", assertThrows(Rejected.class, () -> RewardRules.requirePoints(499, 500)).field());
    }

    @Test
    void threeHundredPointsWorthAHundredEachConvertToThirtyThousandCredit() {
        assertEquals(30_000, RewardRules.creditFor(300, 100));
    }

    @Test
    void pointsWithoutValueOrTooManyToCountAreRefused() {
        assertEquals("points", assertThrows(Rejected.class, () -> RewardRules.creditFor(300, 0)).field());
        assertEquals("points", assertThrows(Rejected.class,
            () -> RewardRules.creditFor(Validation.MAX_AMOUNT, 1_000_000_000L)).field());
    }
}
