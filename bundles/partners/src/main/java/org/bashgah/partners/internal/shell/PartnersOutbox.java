package org.bashgah.partners.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.OrganisationService;
import org.bashgah.partners.internal.Outbox;

/** {@code bashgah:partners-outbox}: per remote partner, what was delivered and what still waits, and why. */
@Command(scope = "bashgah", name = "partners-outbox",
    description = "Shows the messages to remote partners: delivered, waiting (and the remote's last answer), refused")
@Service
public class PartnersOutbox implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private Outbox outbox;

    @Override
    public Object execute() {
        var all = outbox.summaries();
        System.out.printf("Remote partners: %d%n", all.size());
        System.out.printf("%-16s %-16s %-40s %9s %7s %7s  %-20s %s%n", "organisation", "remote", "url", "delivered",
            "waiting", "refused", "oldest waiting", "last answer");
        for (Outbox.Summary s : all) {
            String org = organisations.find(s.organisationId()).map(o -> o.code()).orElse(s.organisationId());
            System.out.printf("%-16s %-16s %-40s %9d %7d %7d  %-20s %s%n", org, s.code(), s.url(), s.delivered(),
                s.waiting(), s.refused(), s.oldestWaiting() == null ? "-" : s.oldestWaiting().toString(),
                s.lastAnswer() == null ? "" : s.lastAnswer());
        }
        return null;
    }
}
