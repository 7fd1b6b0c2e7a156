package org.bashgah.core.internal.security;

import java.util.Arrays;
import org.bashgah.core.api.BashgahException.Forbidden;

/**
 * Who is making a request: the organisation it acts in, its role, and the branch it is bound to (null
 * for the whole organisation). Resources ask it before every read and write.
 *
 * @param actor how the audit log and the ledger name it: a user name, or {@code key:<name>}
 */
public record Caller(String organisationId, String actor, Role role, String branch, boolean serverAdmin)
        implements org.bashgah.core.api.Caller {

    @Override
    public String roleName() {
        return role.text();
    }

    @Override
    public String getName() {
        return actor;
    }

    public boolean isBranchBound() {
        return branch != null;
    }

    public void requireRole(Role... allowed) {
        if (!Arrays.asList(allowed).contains(role)) {
            throw new Forbidden("role " + role.text() + " may not do this");
        }
    }

    public void requireServerAdmin() {
        if (!serverAdmin) throw new Forbidden("only the server administrator may do this");
    }

    /** A branch-bound caller may touch only its own branch. */
    @Override
    public void requireBranch(String code) {
        if (!mayUseBranch(code)) throw new Forbidden("this caller is bound to branch " + branch);
    }

    @Override
    public boolean mayUseBranch(String code) {
        return branch == null || branch.equals(code);
    }
}
