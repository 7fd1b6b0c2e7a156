package org.bashgah.core.internal.member;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /members}; also of {@code PATCH /members/{id}}, where only name, birthDate, smsOptIn and
 * tags count ({@code tags} replaces the member's tags; {@code []} removes them all).
 */
public record MemberRequest(String phone, String name, LocalDate birthDate, String branch, String referrerPhone,
                            Boolean smsOptIn, List<String> tags) {
    public static final int MAX_TAGS = 20;

    /** Tags are codes (1-64 letters, digits, '.', '-' or '_'), at most {@link #MAX_TAGS}. */
    public void checkTags(org.bashgah.core.api.Validation v) {
        if (tags == null) return;
        v.check(tags.size() <= MAX_TAGS, "tags", "may hold at most " + MAX_TAGS + " tags");
        for (int i = 0; i < tags.size() && i < MAX_TAGS; i++) {
            v.require("tags[" + i + "]", tags.get(i)).code("tags[" + i + "]", tags.get(i));
        }
    }
}
