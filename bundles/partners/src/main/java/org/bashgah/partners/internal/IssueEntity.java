package org.bashgah.partners.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Partner credit issued by {@code issuerOrg} for a purchase there, to a consenting member of {@code holderOrg}. */
@Entity
@Table(name = "partners_issue")
public class IssueEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "agreement_id")
    public long agreementId;
    @Column(name = "purchase_id")
    public String purchaseId;
    @Column(name = "issuer_org")
    public String issuerOrg;
    @Column(name = "holder_org")
    public String holderOrg;
    @Column(name = "holder_member")
    public String holderMember;
    public long amount;
    /** yyyy-MM (UTC): the month the monthly cap counts it in. */
    @Column(name = "month_of")
    public String monthOf;
    @Column(name = "issued_at")
    public Instant issuedAt;
    /**
     * What refunds of the purchase took back: {@code amount} times the share of the purchase refunded, rounded
     * down; a refund takes the difference from the member's partner credit (what is left of it).
     */
    public long reversed;
    /** What of {@link #reversed} the ledger took back; less when the member had spent it at the partner already. */
    @Column(name = "taken_back")
    public long takenBack;
    /** 1 once the ledger holds it; a row left at 0 by a crash is posted at the next start. */
    public int posted;
}
