package org.bashgah.core.api;

import java.time.Instant;

/**
 * One immutable line of a member's ledger: a signed amount on one account.
 *
 * @param id         increasing within the server; newer entries have larger ids
 * @param at         when the entry was written
 * @param account    the account in text form, e.g. {@code BRANCH_CREDIT:tehran-1}
 * @param amount     signed: positive adds to the balance, negative takes from it
 * @param kind       why the entry exists
 * @param purchaseId the purchase it belongs to, or null
 * @param offerId    the offer (or contributing rule) that caused it, or null
 * @param note       a short human text, or null
 * @param expiresAt  for a positive credit or points entry, when what is left of it expires; else null
 */
public record LedgerEntry(long id, Instant at, String account, long amount, EntryKind kind, String purchaseId,
                          String offerId, String note, Instant expiresAt) {
}
