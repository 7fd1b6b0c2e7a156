package org.bashgah.surveys.internal.queue;

import java.time.Instant;

/**
 * A call as managers list it. {@code attempts} counts tries that reached nobody; {@code claim}, {@code claimedBy}
 * and {@code claimedAt} are set only while an operator has it.
 */
public record CallView(long id, long campaign, String member, String branch, String purchase, long purchaseAmount,
                       Instant purchasedAt, String status, Instant dueAt, Instant queuedAt, int attempts, int callBacks,
                       Long claim, String claimedBy, Instant claimedAt, String outcome, Instant closedAt,
                       String closedBy) {
}
