package org.bashgah.core.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A club member of one organisation, identified there by a phone number in E.164 form.
 *
 * @param referrerId the id of the member who referred this one, or null
 * @param tier       the member's tier; core starts everyone at {@code BRONZE}, the credit capability moves it
 */
public record Member(String id, String phone, String name, LocalDate birthDate, String tier, Instant joinedAt,
                     String joinedBranch, String referrerId, boolean smsOptIn) {
}
