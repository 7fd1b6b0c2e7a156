package org.bashgah.core.internal.ledger;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import org.bashgah.core.api.EntryKind;
import org.bashgah.core.api.LedgerEntry;

/** A ledger row: inserted, never updated or deleted. */
@Entity
@Table(name = "core_ledger_entry")
public class LedgerEntryEntity {
    @Id
    // allocationSize is the sequence's INCREMENT BY (core migration V7): one round trip per 50 entries
    @SequenceGenerator(name = "core_ledger_entry_seq", sequenceName = "core_ledger_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_ledger_entry_seq")
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "member_id")
    public String memberId;
    public String account;
    public long amount;
    public String kind;
    @Column(name = "purchase_id")
    public String purchaseId;
    public String source;
    public String note;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "entry_at")
    public Instant at;
    @Column(name = "created_by")
    public String createdBy;

    public LedgerEntry toApi() {
        return new LedgerEntry(id, at, account, amount, EntryKind.valueOf(kind), purchaseId, source, note, expiresAt);
    }
}
