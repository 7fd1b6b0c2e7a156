package org.bashgah.core.api;

import java.util.Objects;

/**
 * A member's ledger account: {@code POINTS}, {@code SHARED_CREDIT} (spendable at every branch of the
 * organisation), {@code BRANCH_CREDIT:<branch>} (spendable only at that branch) or
 * {@code PARTNER_CREDIT:<partner>}. Its text form is the one the REST API and the ledger use.
 */
public final class Account {
    public static final String POINTS = "POINTS";
    public static final String SHARED_CREDIT = "SHARED_CREDIT";
    public static final String BRANCH_CREDIT = "BRANCH_CREDIT";
    public static final String PARTNER_CREDIT = "PARTNER_CREDIT";

    private final String type;
    private final String qualifier;

    private Account(String type, String qualifier) {
        this.type = type;
        this.qualifier = qualifier;
    }

    public static Account points() {
        return new Account(POINTS, null);
    }

    public static Account sharedCredit() {
        return new Account(SHARED_CREDIT, null);
    }

    public static Account branchCredit(String branchCode) {
        return new Account(BRANCH_CREDIT, requireQualifier(branchCode));
    }

    public static Account partnerCredit(String partner) {
        return new Account(PARTNER_CREDIT, requireQualifier(partner));
    }

    /** Parses the text form; throws {@link IllegalArgumentException} for anything else. */
    public static Account parse(String text) {
        if (text == null) throw new IllegalArgumentException("account is missing");
        int colon = text.indexOf(':');
        String type = colon < 0 ? text : text.substring(0, colon);
        String qualifier = colon < 0 ? null : text.substring(colon + 1);
        switch (type) {
            case POINTS:
            case SHARED_CREDIT:
                if (qualifier != null) throw new IllegalArgumentException("account " + type + " takes no qualifier");
                return new Account(type, null);
            case BRANCH_CREDIT:
            case PARTNER_CREDIT:
                return new Account(type, requireQualifier(qualifier));
            default:
                throw new IllegalArgumentException("unknown account: " + text);
        }
    }

    private static String requireQualifier(String q) {
        if (q == null || q.isBlank()) throw new IllegalArgumentException("account qualifier is missing");
        return q;
    }

    public String type() {
        return type;
    }

    /** The branch code or partner of a qualified account; null for points and shared credit. */
    public String qualifier() {
        return qualifier;
    }

    public boolean isPoints() {
        return POINTS.equals(type);
    }

    public boolean isBranchCredit() {
        return BRANCH_CREDIT.equals(type);
    }

    @Override
    public String toString() {
        return qualifier == null ? type : type + ":" + qualifier;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Account && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, qualifier);
    }
}
