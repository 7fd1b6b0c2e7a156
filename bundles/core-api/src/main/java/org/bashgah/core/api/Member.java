package org.bashgah.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A club member of one organisation, identified there by a phone number in E.164 form.
 *
 * @param referrerId the id of the member who referred this one, or null
 * @param tier       the member's tier; core starts everyone at {@code BRONZE}, the credit capability moves it
 * @param tags       the groups the chain put the member in ({@code vip}, {@code staff}); empty for none
 */
public record Member(String id, String phone, String name, LocalDate birthDate, String tier, Instant joinedAt,
                     String joinedBranch, String referrerId, boolean smsOptIn, Set<String> tags) {

    public Member {
        // sorted, so a member reads (and serialises) the same way every time
        tags = tags == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(tags));
    }

    /** A member without tags (the form of core API 1.1). */
    public Member(String id, String phone, String name, LocalDate birthDate, String tier, Instant joinedAt,
                  String joinedBranch, String referrerId, boolean smsOptIn) {
        this(id, phone, name, birthDate, tier, joinedAt, joinedBranch, referrerId, smsOptIn, Set.of());
    }
}
