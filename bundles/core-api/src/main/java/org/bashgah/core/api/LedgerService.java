package org.bashgah.core.api;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only ledger, for capabilities that credit or debit members outside a purchase (signup
 * points, engagement points, expiry, conversions). Every posting carries an idempotency key: posting the
 * same key again returns the first result and writes nothing.
 */
@ProviderType
public interface LedgerService {

    /** One signed amount on one account, as part of a {@link #post} call. */
    record Posting(Account account, long amount, EntryKind kind, String source, String note, Instant expiresAt) {
    }

    /**
     * Writes all postings in one transaction, or none: a posting that would take a balance below zero
     * rejects the whole call with {@link BashgahException.Rejected}.
     *
     * @return the entries written, or those written by the first call with the same key
     */
    List<LedgerEntry> post(String organisationId, String memberId, String idempotencyKey, List<Posting> postings,
                           String actor);

    Balances balances(String organisationId, String memberId);

    /** Newest first; entries with id below {@code beforeId} (0 for the newest). */
    List<LedgerEntry> entries(String organisationId, String memberId, long beforeId, int limit);
}
