package org.bashgah.core.api;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.osgi.annotation.versioning.ProviderType;

/** Reads members and their aggregates; lets capabilities move a member's tier. */
@ProviderType
public interface MemberService {

    Optional<Member> find(String organisationId, String memberId);

    /** Finds by phone in any accepted form ({@code 0912…}, {@code +98912…}). */
    Optional<Member> findByPhone(String organisationId, String phone);

    MemberStats stats(String organisationId, String memberId);

    /**
     * Calls {@code visitor} with every member of the organisation and their aggregates, page by page (for
     * targeting runs and reports; never on the purchase path).
     */
    void forEachMember(String organisationId, BiConsumer<Member, MemberStats> visitor);

    /**
     * Joins a member for another capability, e.g. bashgah-partners enrolling a person who consented in a partner's
     * club (since core API 1.3); audited as {@code member.join} done by {@code actor}, and followed by the
     * {@link Events#MEMBER_JOINED} event like a join over REST.
     *
     * @param phone any accepted form; a phone that is not one is a {@link BashgahException.Invalid}
     * @throws BashgahException.Conflict when the phone is a member already (its id is {@code existingId()})
     */
    Member join(String organisationId, String phone, String name, String actor);

    /** Sets the member's tier (e.g. {@code SILVER}); audited as done by {@code actor}. */
    void setTier(String organisationId, String memberId, String tier, String actor);
}
