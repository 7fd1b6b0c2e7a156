package org.bashgah.core.internal.member;

import java.time.LocalDate;

/** The body of {@code POST /members}; also of {@code PATCH /members/{id}}, where only name, birthDate and smsOptIn count. */
public record MemberRequest(String phone, String name, LocalDate birthDate, String branch, String referrerPhone,
                            Boolean smsOptIn) {
}
