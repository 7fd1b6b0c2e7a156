package org.bashgah.partners.internal;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Tickets one purchase earned in a lottery. */
@Entity
@Table(name = "partners_lottery_entry")
public class LotteryEntryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "lottery_id")
    public long lotteryId;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "member_ref")
    public String memberRef;
    @Column(name = "purchase_id")
    public String purchaseId;
    /** What the purchase earned. */
    public long tickets;
    /** What refunds of the purchase took back before the draw: {@code tickets - refunded} are in it. */
    public long refunded;
    @Column(name = "entered_at")
    public Instant enteredAt;

    long inDraw() {
        return tickets - refunded;
    }
}
