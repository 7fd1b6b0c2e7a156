package com.example.bashgah.birthday;

import java.util.List;
import java.util.Set;
import org.bashgah.core.api.ConsolePages;
import org.osgi.service.component.annotations.Component;

/**
 * The vendor's own console page: registered like any Bashgah capability's, its files in console/birthday-bonus/
 * of this jar. Drop the jar into deploy/ and the menu item appears; delete it and it goes.
 */
@Component
public class BirthdayConsolePage implements ConsolePages {
    @Override
    public String id() {
        return "birthday-bonus";
    }

    @Override
    public List<MenuItem> menu() {
        return List.of(new MenuItem("birthdays", "Birthday bonus", "جایزهٔ تولد", Set.of()));
    }
}
