package org.bashgah.core.internal.security;

import java.util.Arrays;

/**
 * What a caller may do. Chain admins act for the whole organisation; branch managers and operators are
 * bound to one branch; a point-of-sale key acts like an operator, for its branch or (without one) the chain.
 */
public enum Role {
    CHAIN_ADMIN("chain-admin"),
    BRANCH_MANAGER("branch-manager"),
    OPERATOR("operator"),
    POS("pos");

    private final String text;

    Role(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The role for its text form, or null. */
    public static Role of(String text) {
        return Arrays.stream(values()).filter(r -> r.text.equals(text)).findFirst().orElse(null);
    }
}
