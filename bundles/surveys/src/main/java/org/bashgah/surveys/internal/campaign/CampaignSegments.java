package org.bashgah.surveys.internal.campaign;

import org.bashgah.core.api.BashgahException.Rejected;
import org.bashgah.reports.api.Segments;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Campaigns aimed at a saved segment of bashgah-reports, which is optional: without it a campaign cannot be aimed at
 * a segment (422 on {@code segment}), and one aimed before queues nothing until reports is back.
 *
 * <p>This is the one class of the surveys that names {@code org.bashgah.reports.api}, an optional package import.
 * Its reference to {@link Segments} is optional, dynamic and greedy, and looked up (no field or method of a reports
 * type, which SCR would have to load by reflection while reports is absent): the component is active with or
 * without reports, and a reports installed later is bound while the surveys run. The optional import itself is
 * wired when the surveys bundle is resolved again, which Karaf's {@code feature:install bashgah-reports} does
 * (it refreshes the surveys bundle; with {@code -r}, {@code bundle:refresh bashgah-surveys} does it).
 */
@Component(service = CampaignSegments.class, reference = @Reference(name = CampaignSegments.SEGMENTS,
    service = Segments.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
    policyOption = ReferencePolicyOption.GREEDY))
public class CampaignSegments {
    static final String SEGMENTS = "segments";

    private final ComponentContext context;

    @Activate
    public CampaignSegments(ComponentContext context) {
        this.context = context;
    }

    /** Refuses a segment that cannot be aimed at: reports is not installed, or the organisation has no such segment. */
    public void check(String organisationId, String segmentId) {
        Object segments = reports();
        if (segments == null) {
            throw new Rejected("segment", "segment targeting needs bashgah-reports, which is not installed");
        }
        if (((Segments) segments).find(organisationId, segmentId).isEmpty()) {
            throw new Rejected("segment", "no segment " + segmentId);
        }
    }

    /** Whether the campaign's segment (if it names one) holds the member; never, while reports is not installed. */
    public boolean admits(Campaign campaign, String organisationId, String memberId) {
        if (campaign.segment() == null) return true;
        Object segments = reports();
        return segments != null && ((Segments) segments).contains(organisationId, campaign.segment(), memberId);
    }

    /** The Segments service as an Object (so no signature here names a reports type), or null while there is none. */
    private Object reports() {
        Object service = context.locateService(SEGMENTS);
        if (service == null) return null;
        try {
            // reports installed while the surveys bundle was not resolved again: the import is not wired yet
            return Segments.class.isInstance(service) ? service : null;
        } catch (NoClassDefFoundError notWired) {
            return null;
        }
    }
}
