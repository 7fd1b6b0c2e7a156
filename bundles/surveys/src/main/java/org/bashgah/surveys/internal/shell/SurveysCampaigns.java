package org.bashgah.surveys.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.surveys.internal.campaign.Campaign;
import org.bashgah.surveys.internal.campaign.Campaigns;
import org.bashgah.surveys.internal.queue.CallQueue;

/** {@code bashgah:surveys-campaigns}: the campaigns of an organisation with their queues. */
@Command(scope = "bashgah", name = "surveys-campaigns", description = "Lists the happy-call campaigns and their queues")
@Service
public class SurveysCampaigns implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private Campaigns campaigns;
    @Reference
    private CallQueue queue;

    @Option(name = "--org", description = "organisation code (default: the first organisation)")
    private String organisation;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        var all = campaigns.list(org.id());
        System.out.printf("Campaigns of %s: %d%n", org.code(), all.size());
        System.out.printf("%6s  %-30s %-7s %8s %8s %8s %8s  %s%n", "id", "name", "active", "pending", "queued",
            "claimed", "done", "call hours");
        for (Campaign c : all) {
            var counts = queue.counts(org.id(), c.id());
            System.out.printf("%6d  %-30s %-7s %8d %8d %8d %8d  %s-%s%n", c.id(), c.name(), c.active() ? "yes" : "no",
                counts.getOrDefault("PENDING", 0L), counts.getOrDefault("QUEUED", 0L), counts.getOrDefault("CLAIMED", 0L),
                counts.getOrDefault("DONE", 0L), c.callFrom(), c.callUntil());
        }
        return null;
    }
}
