package org.bashgah.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bashgah.core.api.BashgahException.Forbidden;
import org.junit.jupiter.api.Test;

class CallerTest {
    private static final Caller TEHRAN_MANAGER = new Caller("org-1", "sara", Role.BRANCH_MANAGER, "tehran-1", false);
    private static final Caller CHAIN_ADMIN = new Caller("org-1", "admin", Role.CHAIN_ADMIN, null, false);
    private static final Caller TEHRAN_OPERATOR = new Caller("org-1", "reza", Role.OPERATOR, "tehran-1", false);

    @Test
    void aManagerOfTehran1MayUseOnlyTehran1() {
        assertTrue(TEHRAN_MANAGER.isBranchBound());
        assertTrue(TEHRAN_MANAGER.mayUseBranch("tehran-1"));
        assertDoesNotThrow(() -> TEHRAN_MANAGER.requireBranch("tehran-1"));

        assertFalse(TEHRAN_MANAGER.mayUseBranch("shiraz-2"));
        Forbidden refused = assertThrows(Forbidden.class, () -> TEHRAN_MANAGER.requireBranch("shiraz-2"));
        assertEquals("this caller is bound to branch tehran-1", refused.getMessage());
        assertThrows(Forbidden.class, () -> TEHRAN_MANAGER.requireBranch(null));
    }

    @Test
    void aChainAdminMayUseEveryBranch() {
        assertFalse(CHAIN_ADMIN.isBranchBound());
        assertDoesNotThrow(() -> CHAIN_ADMIN.requireBranch("tehran-1"));
        assertDoesNotThrow(() -> CHAIN_ADMIN.requireBranch("shiraz-2"));
    }

    @Test
    void onlyTheNamedRolesPass() {
        assertDoesNotThrow(() -> TEHRAN_MANAGER.requireRole(Role.CHAIN_ADMIN, Role.BRANCH_MANAGER));
        assertDoesNotThrow(() -> CHAIN_ADMIN.requireRole(Role.CHAIN_ADMIN));

        Forbidden refused = assertThrows(Forbidden.class,
            () -> TEHRAN_OPERATOR.requireRole(Role.CHAIN_ADMIN, Role.BRANCH_MANAGER));
        assertEquals("role operator may not do this", refused.getMessage());
    }

    @Test
    void onlyTheServerAdministratorPassesRequireServerAdmin() {
        assertThrows(Forbidden.class, CHAIN_ADMIN::requireServerAdmin);
        assertDoesNotThrow(new Caller(null, "karaf", Role.CHAIN_ADMIN, null, true)::requireServerAdmin);
    }

    @Test
    void aCallerIsNamedByItsActor() {
        assertEquals("sara", TEHRAN_MANAGER.getName());
    }
}
