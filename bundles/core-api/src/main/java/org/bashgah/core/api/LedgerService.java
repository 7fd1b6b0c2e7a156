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

    /**
     * The balance of one account of the member, any account type. {@link #balances} groups the usual ones;
     * this one also reads {@code PARTNER_CREDIT:<partner>} accounts (since core API 1.3, for bashgah-partners).
     */
    long balance(String organisationId, String memberId, Account account);

    /** What is left of a credit or points lot that expires, and when. */
    record ExpiringLot(long entryId, String account, long remaining, Instant expiresAt) {
    }

    /** The member's lots that still hold something and have an expiry, soonest first. */
    List<ExpiringLot> expiring(String organisationId, String memberId);

    /** What an expiry run did. */
    record ExpiryRun(int lots, long amount) {
    }

    /**
     * Posts an {@code EXPIRE} entry for what is left of every lot of the organisation that expires at or
     * before {@code asOf}. Running it again for the same moment expires nothing more.
     */
    ExpiryRun expire(String organisationId, Instant asOf, String actor);

    /** Newest first; entries with id below {@code beforeId} (0 for the newest). */
    List<LedgerEntry> entries(String organisationId, String memberId, long beforeId, int limit);
}
