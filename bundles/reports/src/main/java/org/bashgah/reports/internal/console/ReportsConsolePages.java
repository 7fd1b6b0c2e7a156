package org.bashgah.reports.internal.console;

import java.util.List;
import java.util.Set;
import org.bashgah.core.api.ConsolePages;
import org.osgi.service.component.annotations.Component;

/**
 * The reports' console pages: the dashboard (charts of the reports, the RFM grid) and the member lists every chart
 * drills down to, with saving as a segment and CSV/XLSX exports. Files in console/reports/, the charting library
 * (Apache ECharts, from its WebJar) embedded at build time under console/reports/vendor/echarts/, so the feature
 * brings and takes its whole dashboard with it.
 */
@Component
public class ReportsConsolePages implements ConsolePages {
    @Override
    public String id() {
        return "reports";
    }

    @Override
    public List<MenuItem> menu() {
        // the numbers are for every staff role (the REST API scopes a branch user to its branch); member lists
        // within the page are for managers, as in the API
        return List.of(
            new MenuItem("dashboard", "Reports", "گزارش‌ها", Set.of("chain-admin", "branch-manager", "operator")),
            new MenuItem("rfm", "RFM segments", "بخش‌بندی RFM", Set.of("chain-admin", "branch-manager", "operator")),
            new MenuItem("segments", "Saved segments", "بخش‌های ذخیره‌شده", Set.of("chain-admin", "branch-manager")));
    }
}
