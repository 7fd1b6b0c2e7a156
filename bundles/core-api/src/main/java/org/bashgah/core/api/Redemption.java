package org.bashgah.core.api;

/** What a purchase pays from the member's balances. All amounts are zero or positive. */
public record Redemption(long sharedCredit, long branchCredit, long points) {
    public static final Redemption NONE = new Redemption(0, 0, 0);

    public long total() {
        return sharedCredit + branchCredit + points;
    }
}
