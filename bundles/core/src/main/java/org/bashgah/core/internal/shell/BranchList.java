package org.bashgah.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.bashgah.core.api.Branch;
import org.bashgah.core.api.BranchService;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;

@Command(scope = "bashgah", name = "branch-list", description = "Lists the branches of an organisation")
@Service
public class BranchList implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private BranchService branches;

    @Option(name = "--org", description = "organisation code (default: the first organisation)")
    private String organisation;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("Active");
        table.column("Time zone");
        for (Branch b : branches.list(org.id())) {
            table.addRow().addContent(b.code(), b.name(), b.active(), b.timeZone());
        }
        table.print(System.out);
        return null;
    }
}
