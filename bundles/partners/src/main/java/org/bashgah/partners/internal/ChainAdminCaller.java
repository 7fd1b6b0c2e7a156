package org.bashgah.partners.internal;

import org.bashgah.core.api.Caller;

/** Shell commands act for the organisation as a chain admin (the shell user is a server administrator). */
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
