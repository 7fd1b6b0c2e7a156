package org.bashgah.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bashgah.core.internal.ledger.LedgerVerifier;

@Command(scope = "bashgah", name = "ledger-verify",
    description = "Recomputes every balance from the ledger entries and reports any mismatch")
@Service
public class LedgerVerify implements Action {
    @Reference
    private LedgerVerifier verifier;

    @Override
    public Object execute() {
        LedgerVerifier.Report report = verifier.verify();
        report.problems().forEach(p -> System.out.println("MISMATCH " + p));
        System.out.printf("Ledger verified: %d accounts, %d entries, %d problems%n", report.accounts(),
            report.entries(), report.problems().size());
        return report.problems().isEmpty() ? null : "ledger has " + report.problems().size() + " problems";
    }
}
