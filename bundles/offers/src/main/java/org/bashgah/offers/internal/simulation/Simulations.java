package org.bashgah.offers.internal.simulation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberService;
import org.bashgah.core.api.MemberStats;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.core.api.PurchaseHistory;
import org.bashgah.credit.api.CreditPolicies;
import org.bashgah.offers.internal.margin.Margins;
import org.bashgah.offers.internal.offer.OfferView;
import org.bashgah.offers.internal.offer.Offers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Runs an offer's {@link Replay} over the organisation's history. */
@Component(service = Simulations.class)
public class Simulations {
    private final Offers offers;
    private final Margins margins;
    private final PurchaseHistory history;
    private final MemberService members;
    private final OrganisationService organisations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    private volatile CreditPolicies policies;

    @Activate
    public Simulations(@Reference Offers offers, @Reference Margins margins, @Reference PurchaseHistory history,
                       @Reference MemberService members, @Reference OrganisationService organisations) {
        this.offers = offers;
        this.margins = margins;
        this.history = history;
        this.members = members;
        this.organisations = organisations;
    }

    /** What the offer would have done to the purchases made in [{@code from}, {@code to}). */
    public Replay.Result simulate(String org, String offerId, Instant from, Instant to) {
        OfferView offer = offers.find(org, offerId);
        ZoneId zone = ZoneId.of(organisations.find(org).orElseThrow().timeZone());
        Set<String> buyers = new HashSet<>();
        history.forEach(org, from, to, p -> buyers.add(p.memberId()));
        Map<String, Member> who = new HashMap<>();
        Map<String, MemberStats> stats = new HashMap<>();
        if (!buyers.isEmpty()) {
            members.forEachMember(org, (m, s) -> {
                if (buyers.contains(m.id())) {
                    who.put(m.id(), m);
                    stats.put(m.id(), s);
                }
            });
        }
        CreditPolicies credit = policies;
        long pointValue = credit == null ? 0 : credit.effective(org, null).pointValue();
        Replay replay = new Replay(offerId, offer.definition(), margins.table(org), pointValue, zone, from, to, who,
            stats, offers.segments(org));
        history.forEach(org, from, to, replay::count);
        history.forEach(org, from, to, replay::replay);
        return replay.result();
    }
}
