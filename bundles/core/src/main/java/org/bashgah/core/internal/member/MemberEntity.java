package org.bashgah.core.internal.member;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.QueryHint;
import javax.persistence.Table;
import org.bashgah.core.api.Member;

@Entity
@Table(name = "core_member")
// named, locked by EclipseLink's own hint (SELECT ... FOR UPDATE, as PESSIMISTIC_WRITE): EclipseLink then prepares
// its SQL once, where a query with a JPA lock mode has its SQL built again at every posting (4.5% of a loaded
// server's CPU samples, 2026-12-07)
@NamedQuery(name = MemberEntity.LOCK_BY_PHONE,
    query = "select m from MemberEntity m where m.organisationId = :o and m.phone = :p",
    hints = @QueryHint(name = "eclipselink.pessimistic-lock", value = "Lock"))
public class MemberEntity {
    /** The member of organisation {@code o} with phone {@code p} (E.164), its row locked. */
    public static final String LOCK_BY_PHONE = "MemberEntity.lockByPhone";

    @Id
    public String id;
    @Column(name = "org_id")
    public String organisationId;
    public String phone;
    public String name;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public String tier;
    @Column(name = "joined_at")
    public Instant joinedAt;
    @Column(name = "joined_branch")
    public String joinedBranch;
    @Column(name = "referrer_id")
    public String referrerId;
    @Column(name = "sms_opt_in")
    public boolean smsOptIn;
    public long visits;
    @Column(name = "total_spend")
    public long totalSpend;
    @Column(name = "first_visit")
    public Instant firstVisit;
    @Column(name = "last_visit")
    public Instant lastVisit;
    /** Sorted, comma-separated codes; null for none. */
    public String tags;

    public Member toApi() {
        return new Member(id, phone, name, birthDate, tier, joinedAt, joinedBranch, referrerId, smsOptIn, tagSet());
    }

    public java.util.Set<String> tagSet() {
        return tags == null || tags.isEmpty() ? java.util.Set.of()
            : new java.util.TreeSet<>(java.util.Arrays.asList(tags.split(",")));
    }

    /** Stores the tags sorted and without repeats. */
    public void setTags(java.util.Collection<String> codes) {
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>(codes);
        tags = sorted.isEmpty() ? null : String.join(",", sorted);
    }
}
