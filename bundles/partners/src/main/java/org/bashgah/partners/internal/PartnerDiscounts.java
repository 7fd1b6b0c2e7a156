package org.bashgah.partners.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bashgah.core.api.Proposal;
import org.bashgah.core.api.PurchaseContext;
import org.bashgah.core.api.PurchaseContributor;
import org.bashgah.core.api.PurchaseLine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The discount side of agreements, in the purchase pipeline: a purchase at X by a person who consented as a
 * member of partner Y gets X's {@code discountPercent} off (off the lines of {@code discountProductGroup} only,
 * when one is set). Reads only the partners' own tables: the agreements of X and a consent with the buyer's phone
 * hash, two indexed queries per purchase; none when the organisation has no agreement ({@link AgreementPresence}).
 */
@Component(service = PurchaseContributor.class)
public class PartnerDiscounts implements PurchaseContributor {
    private final PartnersDatabase db;
    private final AgreementPresence presence;

    @Activate
    public PartnerDiscounts(@Reference PartnersDatabase db, @Reference AgreementPresence presence) {
        this.db = db;
        this.presence = presence;
    }

    @Override
    public String name() {
        return "partners";
    }

    @Override
    public List<Proposal> contribute(PurchaseContext purchase) {
        String org = purchase.organisation().id();
        if (!presence.any(org)) return List.of();
        var day = purchase.at().withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        return db.read(em -> {
            List<Proposal> proposals = new ArrayList<>();
            for (AgreementEntity a : Agreements.ofOrganisation(em, org)) {
                AgreementEntity.Terms terms = a.terms(org);
                if (!a.activeOn(day) || terms.discountPercent().signum() <= 0) continue;
                if (CrossCredit.consentByPhone(em, a.id, a.other(org), purchase.member().phone()).isEmpty()) continue;
                long base = terms.discountProductGroup() == null ? purchase.amount()
                    : purchase.lines().stream().filter(l -> terms.discountProductGroup().equals(l.productGroup()))
                        .mapToLong(PurchaseLine::amount).sum();
                long discount = Money.percentOf(base, terms.discountPercent());
                if (discount > 0) {
                    proposals.add(Proposal.discount(discount, "partners:agreement:" + a.id, "Partner discount: " + a.name));
                }
            }
            return proposals;
        });
    }
}
