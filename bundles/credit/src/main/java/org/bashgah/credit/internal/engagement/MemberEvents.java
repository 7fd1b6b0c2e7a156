package org.bashgah.credit.internal.engagement;

import java.util.List;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.EntryKind;
import org.bashgah.core.api.Events;
import org.bashgah.core.api.LedgerService;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberService;
import org.bashgah.credit.api.CreditPolicy;
import org.bashgah.credit.internal.policy.Policies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.EventConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points for what members do outside a purchase, paid from core's events under the policy in force:
 * joining ({@code signupPoints}), bringing a member who then makes a first purchase ({@code referralPoints},
 * to the referrer) and completing a survey ({@code surveyPoints}). Each is posted with an idempotency key
 * naming its cause, so an event delivered twice pays once.
 */
// topics as a plain property: @EventTopics would require an osgi.implementation capability Karaf's EventAdmin lacks
@Component(service = EventHandler.class, property = {
    EventConstants.EVENT_TOPIC + "=" + Events.MEMBER_JOINED,
    EventConstants.EVENT_TOPIC + "=" + Events.PURCHASE_POSTED,
    EventConstants.EVENT_TOPIC + "=" + Events.SURVEY_COMPLETED})
public class MemberEvents implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MemberEvents.class);
    private static final String ACTOR = "system:credit";

    private final LedgerService ledger;
    private final MemberService members;
    private final Policies policies;

    @Activate
    public MemberEvents(@Reference LedgerService ledger, @Reference MemberService members,
                        @Reference Policies policies) {
        this.ledger = ledger;
        this.members = members;
        this.policies = policies;
    }

    @Override
    public void handleEvent(Event event) {
        String org = (String) event.getProperty(Events.ORGANISATION);
        String memberId = (String) event.getProperty(Events.MEMBER);
        String branch = (String) event.getProperty(Events.BRANCH);
        try {
            switch (event.getTopic()) {
                case Events.MEMBER_JOINED -> pay(org, memberId, "signup:" + memberId,
                    policies.effective(org, branch).signupPoints(), "signup", "welcome");
                case Events.PURCHASE_POSTED -> payReferral(org, memberId, branch,
                    ((Number) event.getProperty(Events.VISITS)).longValue());
                case Events.SURVEY_COMPLETED -> pay(org, memberId,
                    Keys.of("survey", String.valueOf(event.getProperty(Events.REF))),
                    policies.effective(org, branch).surveyPoints(), "survey", "survey completed");
                default -> { }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not pay points for {} of member {}: {}", event.getTopic(), memberId, e.toString());
        }
    }

    /** The referrer earns when the member they brought makes a first purchase. */
    private void payReferral(String org, String memberId, String branch, long visits) {
        if (visits != 1) return;
        Member member = members.find(org, memberId).orElse(null);
        if (member == null || member.referrerId() == null) return;
        CreditPolicy policy = policies.effective(org, branch);
        pay(org, member.referrerId(), "referral:" + memberId, policy.referralPoints(), "referral",
            "referred " + member.phone());
    }

    private void pay(String org, String memberId, String key, long points, String source, String note) {
        if (points <= 0) return;
        ledger.post(org, memberId, key, List.of(new LedgerService.Posting(Account.points(), points, EntryKind.EARN,
            source, note, null)), ACTOR);
    }
}
