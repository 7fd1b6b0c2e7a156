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

/** Who owes whom for one cross redemption. Inserted once, never changed. */
@Entity
@Table(name = "partners_settlement_line")
public class SettlementLineEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "redemption_id")
    public long redemptionId;
    @Column(name = "agreement_id")
    public long agreementId;
    @Column(name = "debtor_org")
    public String debtorOrg;
    @Column(name = "creditor_org")
    public String creditorOrg;
    public long amount;
    @Column(name = "member_ref")
    public String memberRef;
    @Column(name = "purchase_ref")
    public String purchaseRef;
    public String note;
    @Column(name = "line_at")
    public Instant at;
}
