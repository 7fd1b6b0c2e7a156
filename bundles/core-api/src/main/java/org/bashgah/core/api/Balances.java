package org.bashgah.core.api;

import java.util.Map;

/**
 * A member's balances: points, shared credit and credit per branch, and the member's tier.
 * A branch-scoped caller is shown only its own branch in {@code branchCredit}.
 */
public record Balances(long points, long sharedCredit, Map<String, Long> branchCredit, String tier) {
}
