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

/** A member's recorded consent to be recognised at the partner of an agreement. */
@Entity
@Table(name = "partners_consent")
public class ConsentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "agreement_id")
    public long agreementId;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "member_id")
    public String memberId;
    /** SHA-256 of the E.164 phone: how the partner side recognises the person, without keeping the number. */
    @Column(name = "phone_hash")
    public String phoneHash;
    public String note;
    /** 1 when the member also asked to be enrolled in the partner's club. */
    @Column(name = "enrol_at_partner")
    public int enrolAtPartner;
    @Column(name = "given_at")
    public Instant givenAt;
    @Column(name = "given_by")
    public String givenBy;
}
