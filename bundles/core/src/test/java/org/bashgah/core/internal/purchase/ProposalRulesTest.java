package org.bashgah.core.internal.purchase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bashgah.core.api.Account;
import org.bashgah.core.api.Proposal;
import org.bashgah.core.api.Validation;
import org.junit.jupiter.api.Test;

/** What core accepts from a purchase contributor (an offer, a vendor rule) for a purchase at tehran-1. */
class ProposalRulesTest {
    private static final String TEHRAN = "tehran-1";

    @Test
    void earningPointsSharedCreditOrCreditOfThisBranchIsAccepted() {
        assertNull(Purchases.faultOf(Proposal.earn(Account.points(), 150, "earning-policy", null), TEHRAN));
        assertNull(Purchases.faultOf(Proposal.earn(Account.sharedCredit(), 15_000, "earning-policy", null), TEHRAN));
        assertNull(Purchases.faultOf(Proposal.earn(Account.branchCredit(TEHRAN), 15_000, "earning-policy", null), TEHRAN));
        assertNull(Purchases.faultOf(Proposal.bonus(Account.points(), 50, "offer-42", "Yalda night", null), TEHRAN));
    }

    @Test
    void aDiscountWithoutAnAccountIsAccepted() {
        assertNull(Purchases.faultOf(Proposal.discount(20_000, "offer-42", "Nowruz 10% off"), TEHRAN));
    }

    @Test
    void anAmountOfExactlyTheLargestAllowedIsAccepted() {
        assertNull(Purchases.faultOf(Proposal.discount(Validation.MAX_AMOUNT, "offer-42", null), TEHRAN));
    }

    @Test
    void anAmountOfZeroNegativeOrAboveTheLargestAllowedIsRefused() {
        for (long amount : new long[] {0, -1, -20_000, Validation.MAX_AMOUNT + 1, Long.MAX_VALUE}) {
            assertEquals("amount out of range",
                Purchases.faultOf(Proposal.earn(Account.points(), amount, "earning-policy", null), TEHRAN),
                "amount " + amount);
        }
    }

    @Test
    void aProposalWithoutASourceIsRefused() {
        assertEquals("no source", Purchases.faultOf(Proposal.earn(Account.points(), 150, null, null), TEHRAN));
        assertEquals("no source", Purchases.faultOf(Proposal.earn(Account.points(), 150, "  ", null), TEHRAN));
        assertEquals("no source", Purchases.faultOf(Proposal.earn(Account.points(), 150, "x".repeat(101), null), TEHRAN));
    }

    @Test
    void earningWithoutAnAccountIsRefused() {
        assertEquals("no account", Purchases.faultOf(Proposal.earn(null, 150, "earning-policy", null), TEHRAN));
    }

    @Test
    void aDiscountIntoAnAccountIsRefused() {
        Proposal discount = new Proposal(Proposal.Kind.DISCOUNT, Account.sharedCredit(), 20_000, "offer-42", null,
            null, null);

        assertEquals("a discount has no account", Purchases.faultOf(discount, TEHRAN));
    }

    @Test
    void creditOfAnotherBranchIsRefused() {
        Proposal shirazCredit = Proposal.earn(Account.branchCredit("shiraz-2"), 15_000, "earning-policy", null);

        assertEquals("branch credit may only be earned at the branch of the purchase",
            Purchases.faultOf(shirazCredit, TEHRAN));
    }

    @Test
    void noProposalOrNoKindIsRefused() {
        assertEquals("no kind", Purchases.faultOf(null, TEHRAN));
        assertEquals("no kind", Purchases.faultOf(new Proposal(null, Account.points(), 150, "x", null, null, null), TEHRAN));
    }
}
