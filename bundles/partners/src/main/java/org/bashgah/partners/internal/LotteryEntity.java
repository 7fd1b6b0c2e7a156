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

/** A joint lottery among partner organisations, with its seed committed by hash before any entry. */
@Entity
@Table(name = "partners_lottery")
public class LotteryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "org_id")
    public String organisationId;
    public String name;
    /** Organisation ids taking part, the creator first, comma separated. */
    public String participants;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "amount_per_ticket")
    public long amountPerTicket;
    public int winners;
    /** Hex; kept secret until the draw. */
    public String seed;
    /** Hex SHA-256 of the seed bytes, published from the start. */
    public String commitment;
    public String salt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "drawn_at")
    public Instant drawnAt;
    @Column(name = "drawn_by")
    public String drawnBy;

    public java.util.List<String> participantList() {
        return java.util.List.of(participants.split(","));
    }
}
