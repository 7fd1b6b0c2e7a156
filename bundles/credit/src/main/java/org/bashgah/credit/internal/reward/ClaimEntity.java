package org.bashgah.credit.internal.reward;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A claim of a reward, one per idempotency key of the organisation. It is {@link #PENDING} from the moment
 * its stock is reserved until the points are taken ({@link #DONE}) or refused ({@link #REJECTED}).
 */
@Entity
@Table(name = "credit_reward_claim")
public class ClaimEntity {
    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String REJECTED = "REJECTED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "reward_id")
    public long rewardId;
    /** The reward's name when claimed: the ledger note, the same on every retry. */
    @Column(name = "reward_name")
    public String rewardName;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "branch_code")
    public String branch;
    /** The reward's cost when claimed. */
    public long points;
    public String status;
    /** Why it was rejected, answered again to every retry of the key. */
    public String reason;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    @Column(name = "claimed_by")
    public String claimedBy;

    public Rewards.Claim toApi() {
        return new Rewards.Claim(id, rewardId, memberId, points, branch, claimedAt, status);
    }
}
