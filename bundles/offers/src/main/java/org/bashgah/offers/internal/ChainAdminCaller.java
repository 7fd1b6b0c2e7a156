package org.bashgah.offers.internal;

import org.bashgah.core.api.Caller;

/** Work done without a REST caller (the daily runs, the shell) acts for the organisation as a chain admin. */
public record ChainAdminCaller(String organisationId, String actor) implements Caller {
    @Override
    public String roleName() {
        return CHAIN_ADMIN;
    }

    @Override
    public String branch() {
        return null;
    }

    @Override
    public boolean serverAdmin() {
        return false;
    }

    @Override
    public String getName() {
        return actor;
    }
}
