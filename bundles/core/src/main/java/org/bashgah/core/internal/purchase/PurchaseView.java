package org.bashgah.core.internal.purchase;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.bashgah.core.api.LedgerEntry;
import org.bashgah.core.internal.ledger.LedgerEntryEntity;

/** A posted purchase as {@code GET /purchases/{id}} shows it, with its lines and ledger entries. */
public record PurchaseView(String id, String member, String branch, OffsetDateTime at, long amount, long discount,
                           PurchaseResponse.Amounts redeemed, long payable, long refunded, List<Line> lines,
                           List<LedgerEntry> entries, String createdBy) {

    /** A line and how much of it has been refunded. */
    public record Line(String productGroup, long amount, long refunded) {
    }

    static PurchaseView of(PurchaseEntity p, List<PurchaseLineEntity> lines, List<LedgerEntryEntity> entries,
                           ZoneId zone) {
        return new PurchaseView(p.id, p.memberId, p.branch, p.at.atZone(zone).toOffsetDateTime(), p.amount, p.discount,
            new PurchaseResponse.Amounts(p.redeemedShared, p.redeemedBranch, p.redeemedPoints), p.payable, p.refunded,
            lines.stream().map(l -> new Line(l.productGroup, l.amount, l.refunded)).toList(),
            entries.stream().map(LedgerEntryEntity::toApi).toList(), p.createdBy);
    }
}
