package org.bashgah.surveys.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.surveys.internal.answer.Alert;
import org.bashgah.surveys.internal.answer.Alerts;

/** {@code bashgah:surveys-alerts}: the open low-score alerts, newest first. */
@Command(scope = "bashgah", name = "surveys-alerts", description = "Lists the open low-score alerts of the surveys")
@Service
public class SurveysAlerts implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private Alerts alerts;

    @Option(name = "--org", description = "organisation code (default: the first organisation)")
    private String organisation;

    @Option(name = "--branch", description = "only this branch's")
    private String branch;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        var open = alerts.list(org.id(), branch, "OPEN", 0, 100);
        System.out.printf("Open alerts of %s: %d%n", org.code(), open.size());
        for (Alert a : open) {
            System.out.printf("%6d  %-16s %-20s %s %d  response %d  %s%s%n", a.id(), a.branch(), a.question(), a.kind(),
                a.score(), a.response(), a.createdAt(), a.apologyOffer() == null ? "" : "  apology " + a.apologyOffer());
        }
        return null;
    }
}
