package org.bashgah.reports.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.reports.api.Segment;
import org.bashgah.reports.api.Segments;

@Command(scope = "bashgah", name = "segments-list", description = "Lists the saved segments of an organisation")
@Service
public class SegmentsList implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private Segments segments;

    @Option(name = "--org", description = "organisation code (default: the first)")
    private String organisation;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        System.out.printf("%-36s  %9s  %-18s  %-24s  %s%n", "ID", "MEMBERS", "REPORT", "AS OF", "NAME");
        for (Segment s : segments.list(org.id())) {
            System.out.printf("%-36s  %9d  %-18s  %-24s  %s%n", s.id(), s.members(), s.report(), s.asOf(), s.name());
        }
        return null;
    }
}
