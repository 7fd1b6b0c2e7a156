package org.bashgah.core.internal.ledger;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** What is left of one positive entry; spending takes from the lot that expires first. */
@Entity
@Table(name = "core_lot")
public class LotEntity {
    @Id
    @Column(name = "entry_id")
    public long entryId;
    @Column(name = "member_id")
    public String memberId;
    public String account;
    public long remaining;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
