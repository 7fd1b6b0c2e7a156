package org.bashgah.partners.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A lottery's winner at one place, written by the draw. */
@Entity
@Table(name = "partners_lottery_winner")
public class LotteryWinnerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "lottery_id")
    public long lotteryId;
    public int place;
    @Column(name = "org_id")
    public String organisationId;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "member_ref")
    public String memberRef;
}
