package org.bashgah.core.api;

import java.time.Instant;
import java.util.List;

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
 * @param claims    limits this proposal counts against (see {@link Claim}); empty for none
 */
public record Proposal(Kind kind, Account account, long amount, String source, String sourceName, String note,
                       Instant expiresAt, List<Claim> claims) {

    public Proposal {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** A proposal with no claims (the form of core API 1.1). */
    public Proposal(Kind kind, Account account, long amount, String source, String sourceName, String note,
                    Instant expiresAt) {
        this(kind, account, amount, source, sourceName, note, expiresAt, List.of());
    }

    /**
     * A limit a proposal counts against, kept by core in the purchase's own transaction, so no limit is ever
     * passed by purchases racing each other (e.g. a one-time offer spent twice, a per-member limit, a budget).
     * All proposals of one {@code source} in a purchase stand or fall together: core takes each key once (the
     * largest {@code units} and smallest {@code limit} any of them names), and when any key would go past its
     * limit it drops every proposal of that source; otherwise it adds the units to each key and records the use
     * (read back with {@link PurchaseClaims}). Keys are the proposer's own, prefixed by its name
     * ({@code offers.grant:42}); a refund gives nothing back.
     *
     * @param key   what is counted, at most 120 characters
     * @param units how much this purchase counts: 1 for a use, or an amount of money for a budget
     * @param limit the most the key may reach; {@link #UNLIMITED} to only record the use
     */
    public record Claim(String key, long units, long limit) {
        public static final long UNLIMITED = Long.MAX_VALUE;
    }

    /** This proposal, counting against {@code claims} as well. */
    public Proposal withClaims(List<Claim> more) {
        List<Claim> all = new java.util.ArrayList<>(claims);
        all.addAll(more);
        return new Proposal(kind, account, amount, source, sourceName, note, expiresAt, all);
    }

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
