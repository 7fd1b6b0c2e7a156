package org.bashgah.surveys.internal.console;

import java.util.List;
import java.util.Set;
import org.bashgah.core.api.ConsolePages;
import org.osgi.service.component.annotations.Component;

/**
 * The surveys' console pages, files in console/surveys/: the call screen (operators and branch managers), and for
 * managers the questionnaires, campaigns, survey reports and low-score alerts. Branch managers read questionnaires
 * and campaigns (only chain admins change them; the pages offer the change to them alone, and the REST API decides).
 */
@Component
public class SurveysConsolePages implements ConsolePages {
    private static final Set<String> MANAGERS = Set.of("chain-admin", "branch-manager");

    @Override
    public String id() {
        return "surveys";
    }

    @Override
    public List<MenuItem> menu() {
        return List.of(
            // a branch manager may work the branch's queue too, as a small branch's manager often does
            new MenuItem("calls", "Happy calls", "تماس‌های رضایت‌سنجی", Set.of("operator", "branch-manager")),
            new MenuItem("questionnaires", "Questionnaires", "پرسش‌نامه‌ها", MANAGERS),
            new MenuItem("campaigns", "Call campaigns", "کارزارهای تماس", MANAGERS),
            new MenuItem("reports", "Survey reports", "گزارش نظرسنجی", MANAGERS),
            new MenuItem("alerts", "Low-score alerts", "هشدار امتیاز پایین", MANAGERS));
    }
}
