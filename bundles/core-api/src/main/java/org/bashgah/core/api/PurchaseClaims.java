package org.bashgah.core.api;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What purchases have counted against the {@link Proposal.Claim claims} of proposals: how often a one-time
 * offer was spent, how much of a budget is used, which purchases did it.
 */
@ProviderType
public interface PurchaseClaims {

    /** One purchase's use of a claim key. */
    record Use(String key, String purchaseId, String memberId, long units, Instant at) {
    }

    /** All uses of a key: how many purchases, by how many members, for how many units. */
    record Totals(long purchases, long members, long units) {
        public static final Totals NONE = new Totals(0, 0, 0);
    }

    Totals totals(String organisationId, String key);

    /** The uses of {@code key}, oldest first. */
    List<Use> uses(String organisationId, String key);
}
