package org.bashgah.core.api;

import java.time.Instant;

/**
 * A ledger entry (or a discount) a {@link PurchaseContributor} proposes for a purchase. Core validates
 * every proposal and writes the accepted ones in the purchase's own transaction.
 *
 * @param kind      {@link Kind#EARN}, {@link Kind#BONUS} or {@link Kind#DISCOUNT}
 * @param account   where an EARN or BONUS lands; null for a DISCOUNT
 * @param amount    positive; for a DISCOUNT, money off the invoice
 * @param source    who proposes it (an offer id, a rule name): shown in the ledger and in appliedOffers
 * @param sourceName a human name for {@code source}, or null when it is not worth showing the member
 * @param note      a short human text for the ledger, or null
 * @param expiresAt when the credit or points expire, or null for never
 */
public record Proposal(Kind kind, Account account, long amount, String source, String sourceName, String note,
                       Instant expiresAt) {

    /** What a proposal does. */
    public enum Kind {
        /** Credit or points earned under the earning policy. */
        EARN,
        /** Extra credit or points (offers, vendor rules). */
        BONUS,
        /** Money off the invoice. */
        DISCOUNT
    }

    public static Proposal earn(Account account, long amount, String source, Instant expiresAt) {
        return new Proposal(Kind.EARN, account, amount, source, null, null, expiresAt);
    }

    public static Proposal bonus(Account account, long amount, String source, String sourceName, String note) {
        return new Proposal(Kind.BONUS, account, amount, source, sourceName, note, null);
    }

    public static Proposal discount(long amount, String source, String sourceName) {
        return new Proposal(Kind.DISCOUNT, null, amount, source, sourceName, null, null);
    }
}
