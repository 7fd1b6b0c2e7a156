package org.bashgah.core.internal.purchase;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "core_purchase")
public class PurchaseEntity {
    @Id
    public String id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "branch_code")
    public String branch;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "made_at")
    public Instant at;
    public long amount;
    public long discount;
    @Column(name = "redeemed_shared")
    public long redeemedShared;
    @Column(name = "redeemed_branch")
    public long redeemedBranch;
    @Column(name = "redeemed_points")
    public long redeemedPoints;
    /** The money the redeemed points paid. */
    @Column(name = "points_value")
    public long pointsValue;
    public long payable;
    /** How much of {@link #amount} has been refunded so far. */
    public long refunded;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
