package org.bashgah.credit.internal.console;

import java.util.List;
import java.util.Set;
import org.bashgah.core.api.ConsolePages;
import org.osgi.service.component.annotations.Component;

/** The credit capability's console pages (policy and branch overrides, tiers, rewards): files in console/credit/. */
@Component
public class CreditConsolePages implements ConsolePages {
    @Override
    public String id() {
        return "credit";
    }

    @Override
    public List<MenuItem> menu() {
        return List.of(
            new MenuItem("policy", "Earning policy", "سیاست اعتبار", Set.of("chain-admin")),
            new MenuItem("tiers", "Tiers", "سطح‌ها", Set.of("chain-admin")),
            new MenuItem("rewards", "Rewards", "جوایز", Set.of("chain-admin")));
    }
}
