package org.bashgah.core.api;

/**
 * Why a ledger entry exists. Entries are never changed or deleted: a correction is a {@link #REVERSAL}
 * or an {@link #ADJUST}, expiry is an {@link #EXPIRE} entry.
 */
public enum EntryKind {
    /** Earned by a purchase under the earning policy (cashback credit, points). */
    EARN,
    /** Spent on a purchase, or converted. Negative. */
    REDEEM,
    /** Extra earned through an offer, a campaign or a vendor rule. */
    BONUS,
    /** Credit or points whose lot reached its expiry date. Negative. */
    EXPIRE,
    /** Undoes (part of) earlier entries, e.g. on refund. */
    REVERSAL,
    /** A manual or system correction with a note. */
    ADJUST
}
