package org.bashgah.core.api;

import java.security.Principal;
import java.util.Arrays;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who is making a REST request, as core's authentication put it on the request: a capability's resource
 * gets it with {@code (Caller) securityContext.getUserPrincipal()} and asks it before every read and write.
 * Roles: {@code chain-admin} (the whole organisation), {@code branch-manager} and {@code operator} (one
 * branch), {@code pos} (an API key, for a branch or the chain).
 */
@ProviderType
public interface Caller extends Principal {
    String CHAIN_ADMIN = "chain-admin";
    String BRANCH_MANAGER = "branch-manager";
    String OPERATOR = "operator";
    String POS = "pos";

    String organisationId();

    /** How the audit log and the ledger name the caller: a user name, or {@code key:<name>}. */
    String actor();

    /** One of {@link #CHAIN_ADMIN}, {@link #BRANCH_MANAGER}, {@link #OPERATOR}, {@link #POS}. */
    String roleName();

    /** The branch the caller is bound to, or null for the whole organisation. */
    String branch();

    boolean serverAdmin();

    default boolean mayUseBranch(String code) {
        return branch() == null || branch().equals(code);
    }

    /** @throws BashgahException.Forbidden when bound to another branch */
    default void requireBranch(String code) {
        if (!mayUseBranch(code)) throw new BashgahException.Forbidden("this caller is bound to branch " + branch());
    }

    /** @throws BashgahException.Forbidden when the caller has none of the roles */
    default void requireRoleName(String... roles) {
        if (!Arrays.asList(roles).contains(roleName())) {
            throw new BashgahException.Forbidden("role " + roleName() + " may not do this");
        }
    }
}
