package org.bashgah.surveys.internal;

import org.bashgah.core.api.Caller;
import org.bashgah.core.api.Validation;

/** Who may see what: the roles of the surveys' resources and the branch a branch-bound caller is kept to. */
public final class Scope {
    private Scope() {
    }

    /** Chain admins, branch managers and operators: the staff who run and read the surveys (not POS keys). */
    public static Caller staff(Caller caller) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER, Caller.OPERATOR);
        return caller;
    }

    /** Chain admins and branch managers: who read answers, alerts and reports. */
    public static Caller managers(Caller caller) {
        caller.requireRoleName(Caller.CHAIN_ADMIN, Caller.BRANCH_MANAGER);
        return caller;
    }

    /**
     * The branch a request is limited to: a branch-bound caller's own (asking for another one is a 403), else the
     * one asked for (null: every branch).
     */
    public static String branch(Caller caller, String asked) {
        if (caller.branch() != null) {
            if (asked != null) caller.requireBranch(asked);
            return caller.branch();
        }
        return asked;
    }

    /** An optional id in a query parameter: null when absent, a 400 naming it when it is not a positive number. */
    public static Long id(Validation v, String field, String text) {
        long id = v.number(field, text, 0, 1, Long.MAX_VALUE);
        return id == 0 ? null : id;
    }
}
