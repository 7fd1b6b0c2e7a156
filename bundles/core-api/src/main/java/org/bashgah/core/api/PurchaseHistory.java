package org.bashgah.core.api;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads posted purchases back in time order, for work that replays history (an offer's simulation, a report):
 * never for the purchase path, which reads {@link MemberStats} instead.
 */
@ProviderType
public interface PurchaseHistory {

    /**
     * A posted purchase as it stands now.
     *
     * @param refunded   how much of {@code amount} has been refunded since
     * @param previousAt when the same member made the purchase before this one (in any branch), or null
     */
    record PastPurchase(String id, String memberId, String branch, Instant at, long amount, long discount,
                        long refunded, List<PurchaseLine> lines, Instant previousAt) {
    }

    /**
     * Calls {@code visitor} for every purchase of the organisation made in [{@code from}, {@code to}), oldest
     * first, reading them page by page so any length of history fits in memory.
     */
    void forEach(String organisationId, Instant from, Instant to, Consumer<PastPurchase> visitor);
}
