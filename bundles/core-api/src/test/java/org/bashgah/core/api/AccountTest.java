package org.bashgah.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text form of an account is what the ledger stores, so parse and toString must be exact inverses. */
class AccountTest {

    @ParameterizedTest
    @ValueSource(strings = {"POINTS", "SHARED_CREDIT", "BRANCH_CREDIT:tehran-1", "PARTNER_CREDIT:x"})
    void everyAccountReadsBackAsTheTextItWasParsedFrom(String text) {
        assertEquals(text, Account.parse(text).toString());
    }

    @Test
    void branchCreditOfTehran1IsQualifiedByItsBranchCode() {
        Account account = Account.parse("BRANCH_CREDIT:tehran-1");

        assertEquals(Account.BRANCH_CREDIT, account.type());
        assertEquals("tehran-1", account.qualifier());
        assertTrue(account.isBranchCredit());
        assertFalse(account.isPoints());
    }

    @Test
    void pointsAndSharedCreditHaveNoQualifier() {
        assertTrue(Account.parse("POINTS").isPoints());
        assertNull(Account.parse("POINTS").qualifier());
        assertNull(Account.parse("SHARED_CREDIT").qualifier());
    }

    @Test
    void factoriesMakeTheSameAccountsAsParsing() {
        assertEquals(Account.parse("POINTS"), Account.points());
        assertEquals(Account.parse("SHARED_CREDIT"), Account.sharedCredit());
        assertEquals(Account.parse("BRANCH_CREDIT:tehran-1"), Account.branchCredit("tehran-1"));
        assertEquals(Account.parse("PARTNER_CREDIT:x"), Account.partnerCredit("x"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"CASHBACK", "points", "BRANCH-CREDIT:tehran-1", ":tehran-1"})
    void unknownAccountTypesAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Account.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BRANCH_CREDIT", "BRANCH_CREDIT:", "BRANCH_CREDIT:   ", "PARTNER_CREDIT", "PARTNER_CREDIT:"})
    void branchAndPartnerCreditWithoutAQualifierAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Account.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POINTS:tehran-1", "POINTS:", "SHARED_CREDIT:tehran-1", "SHARED_CREDIT:"})
    void pointsAndSharedCreditWithAQualifierAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Account.parse(text));
    }

    @Test
    void factoriesRefuseABlankQualifier() {
        assertThrows(IllegalArgumentException.class, () -> Account.branchCredit(null));
        assertThrows(IllegalArgumentException.class, () -> Account.partnerCredit(" "));
    }

    @Test
    void accountsAreEqualByTypeAndQualifier() {
        Account tehran = Account.parse("BRANCH_CREDIT:tehran-1");

        assertEquals(Account.branchCredit("tehran-1"), tehran);
        assertEquals(Account.branchCredit("tehran-1").hashCode(), tehran.hashCode());
        assertNotEquals(Account.branchCredit("shiraz-2"), tehran);
        assertNotEquals(Account.partnerCredit("tehran-1"), tehran);
        assertNotEquals(Account.points(), Account.sharedCredit());
        assertNotEquals("BRANCH_CREDIT:tehran-1", tehran, "an account never equals its text");
        assertEquals(2, new HashSet<>(List.of(Account.points(), tehran, Account.parse("POINTS"),
            Account.branchCredit("tehran-1"))).size());
    }
}
