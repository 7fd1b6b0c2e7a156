package org.bashgah.surveys.internal.shell;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.surveys.internal.queue.QueueRuns;

/** {@code bashgah:surveys-run}: runs the call queue of one or every campaign now, or as of a given moment. */
@Command(scope = "bashgah", name = "surveys-run", description = "Runs the happy-call queue (due calls in, abandoned claims back)")
@Service
public class SurveysRun implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private QueueRuns runs;

    @Option(name = "--org", description = "organisation code (default: the first organisation)")
    private String organisation;

    @Option(name = "--campaign", description = "campaign id (default: every campaign)")
    private Long campaign;

    @Option(name = "--as-of", description = "run as of this moment (ISO-8601 with offset); default now")
    private String asOf;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        Instant moment = asOf == null ? Instant.now() : OffsetDateTime.parse(asOf).toInstant();
        var results = campaign == null ? runs.runAll(org.id(), moment) : java.util.List.of(runs.run(org.id(), campaign, moment));
        for (QueueRuns.RunResult r : results) {
            System.out.printf("campaign %d as of %s: %s call hours%s, %d queued, %d taken out, %d abandoned claims back,"
                    + " %d expired, %d announced%n", r.campaign(), r.asOf(), r.inCallHours() ? "in" : "outside",
                r.inCallHours() ? " at " + String.join(" ", r.branchesInCallHours()) : "",
                r.queued(), r.unqueued(), r.abandoned(), r.expired(), r.announced());
        }
        return null;
    }
}
