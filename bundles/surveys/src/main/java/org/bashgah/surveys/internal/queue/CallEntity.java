package org.bashgah.surveys.internal.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A happy call about one purchase, from the moment the purchase queued it until it is closed. Its status moves
 * only by conditional updates and under its row lock (see {@link CallQueue}).
 */
@Entity
@Table(name = "surveys_call")
public class CallEntity {
    public static final String PENDING = "PENDING";
    public static final String QUEUED = "QUEUED";
    public static final String CLAIMED = "CLAIMED";
    public static final String DONE = "DONE";
    public static final String REFUSED = "REFUSED";
    public static final String WRONG_NUMBER = "WRONG_NUMBER";
    public static final String GAVE_UP = "GAVE_UP";
    public static final String EXPIRED = "EXPIRED";
    /** The statuses of a call that is still to be made. */
    public static final List<String> OPEN = List.of(PENDING, QUEUED, CLAIMED);
    public static final List<String> ALL = List.of(PENDING, QUEUED, CLAIMED, DONE, REFUSED, WRONG_NUMBER, GAVE_UP, EXPIRED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "campaign_id")
    public long campaignId;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "branch_code")
    public String branch;
    @Column(name = "purchase_id")
    public String purchaseId;
    @Column(name = "purchase_amount")
    public long purchaseAmount;
    @Column(name = "purchased_at")
    public Instant purchasedAt;
    public String status;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "queued_at")
    public Instant queuedAt;
    /** Tries that reached nobody (no answer, busy). */
    public int attempts;
    @Column(name = "call_backs")
    public int callBacks;
    @Column(name = "claim_id")
    public Long claimId;
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    public String outcome;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_day")
    public LocalDate closedDay;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public CallView toApi() {
        return new CallView(id, campaignId, memberId, branch, purchaseId, purchaseAmount, purchasedAt, status, dueAt,
            queuedAt, attempts, callBacks, CLAIMED.equals(status) ? claimId : null, CLAIMED.equals(status) ? claimedBy : null,
            CLAIMED.equals(status) ? claimedAt : null, outcome, closedAt, closedBy);
    }
}
