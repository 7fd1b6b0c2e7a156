package org.bashgah.offers.internal.rules;

import java.util.ArrayList;
import java.util.List;
import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.offers.internal.offer.OfferDefinition.Condition;
import org.bashgah.reports.api.Segments;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@code inSegment} audience condition's saved segments of bashgah-reports, which is optional: without it an
 * offer cannot name a segment (422), and an offer that named one before reaches nobody through it until reports is
 * back.
 *
 * <p>The one class of the offers that names {@code org.bashgah.reports.api}, an optional package import. Its
 * reference to {@link Segments} is optional, dynamic and greedy, and looked up (no field or method of a reports type,
 * which SCR would have to load by reflection while reports is absent), so the offers run with or without reports and
 * bind a reports installed later. Karaf's {@code feature:install bashgah-reports} refreshes the offers bundle, which
 * wires the import (after {@code feature:install -r}: {@code bundle:refresh bashgah-offers}).
 */
@Component(service = OfferSegments.class, reference = @Reference(name = OfferSegments.SEGMENTS,
    service = Segments.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
    policyOption = ReferencePolicyOption.GREEDY))
public class OfferSegments {
    static final String SEGMENTS = "segments";

    private final ComponentContext context;

    @Activate
    public OfferSegments(ComponentContext context) {
        this.context = context;
    }

    /**
     * Refuses an audience naming a segment that cannot be aimed at: reports is not installed, or the organisation
     * has no such segment. The field is the condition's path ({@code audience.all[1].inSegment}).
     */
    public void check(String organisationId, String field, Condition audience) {
        List<String[]> named = new ArrayList<>();
        collect(field, audience, named);
        if (named.isEmpty()) return;
        Object segments = reports();
        for (String[] n : named) {
            if (segments == null) {
                throw new Rejected(n[0], "segment conditions need bashgah-reports, which is not installed");
            }
            if (((Segments) segments).find(organisationId, n[1]).isEmpty()) throw new Rejected(n[0], "no segment " + n[1]);
        }
    }

    /** The organisation's segments as the audience asks them; nobody is in any while reports is not installed. */
    public Audience.SegmentMembers of(String organisationId) {
        return (segment, member) -> {
            Object segments = reports();
            return segments != null && ((Segments) segments).contains(organisationId, segment, member);
        };
    }

    private static void collect(String field, Condition c, List<String[]> named) {
        if (c == null) return;
        if (c.inSegment() != null) named.add(new String[] {field + ".inSegment", c.inSegment()});
        if (c.all() != null) for (int i = 0; i < c.all().size(); i++) collect(field + ".all[" + i + "]", c.all().get(i), named);
        if (c.any() != null) for (int i = 0; i < c.any().size(); i++) collect(field + ".any[" + i + "]", c.any().get(i), named);
        collect(field + ".not", c.not(), named);
    }

    /** The Segments service as an Object (so no signature here names a reports type), or null while there is none. */
    private Object reports() {
        Object service = context.locateService(SEGMENTS);
        if (service == null) return null;
        try {
            // reports installed while the offers bundle was not resolved again: the import is not wired yet
            return Segments.class.isInstance(service) ? service : null;
        } catch (NoClassDefFoundError notWired) {
            return null;
        }
    }
}
