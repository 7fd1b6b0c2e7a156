package org.bashgah.core.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads one member's purchases, newest first, for capabilities that show them to staff: the survey operator's
 * call screen shows the visits a happy call asks about. It only reads, along core's (member, time) index; never
 * for the purchase path, which reads {@link MemberStats} instead.
 */
@ProviderType
public interface MemberPurchases {
    /** The most purchases one call returns. */
    int MAX_LIMIT = 50;

    /**
     * The member's newest purchases (by when they were made), at most {@code limit} (capped at
     * {@link #MAX_LIMIT}); only those made at {@code branch} unless it is null. Empty for a member the
     * organisation does not have.
     */
    List<PurchaseSummary> recent(String organisationId, String memberId, String branch, int limit);
}
