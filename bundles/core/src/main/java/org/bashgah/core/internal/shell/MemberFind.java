package org.bashgah.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.api.Balances;
import org.bashgah.core.api.LedgerService;
import org.bashgah.core.api.Member;
import org.bashgah.core.api.MemberService;
import org.bashgah.core.api.MemberStats;
import org.bashgah.core.api.Organisation;
import org.bashgah.core.api.OrganisationService;

@Command(scope = "bashgah", name = "member-find", description = "Shows a member by phone, with balances and visits")
@Service
public class MemberFind implements Action {
    @Reference
    private OrganisationService organisations;
    @Reference
    private MemberService members;
    @Reference
    private LedgerService ledger;

    @Argument(index = 0, name = "phone", required = true, description = "phone number, e.g. 09121234567")
    private String phone;

    @Option(name = "--org", description = "organisation code (default: the first organisation)")
    private String organisation;

    @Override
    public Object execute() {
        Organisation org = organisations.byCodeOrFirst(organisation);
        Member m = members.findByPhone(org.id(), phone).orElse(null);
        if (m == null) {
            System.out.println("No member with phone " + phone + " in " + org.code());
            return null;
        }
        Balances b = ledger.balances(org.id(), m.id());
        MemberStats s = members.stats(org.id(), m.id());
        System.out.printf("Member   %s%nPhone    %s%nName     %s%nTier     %s%nJoined   %s at %s%n", m.id(), m.phone(),
            m.name(), m.tier(), m.joinedAt(), m.joinedBranch());
        System.out.printf("Points   %d%nShared   %d%nBranch   %s%n", b.points(), b.sharedCredit(), b.branchCredit());
        System.out.printf("Visits   %d, spent %d (average %d), last %s%n", s.visits(), s.totalSpend(),
            s.averageSpend(), s.lastVisit());
        return null;
    }
}
