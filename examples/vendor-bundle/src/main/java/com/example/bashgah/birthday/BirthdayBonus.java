package com.example.bashgah.birthday;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.bashgah.core.api.Account;
import org.bashgah.core.api.PurchaseContext;
import org.bashgah.core.api.PurchaseContributor;
import org.bashgah.core.api.Proposal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A vendor's earning rule, built only against {@code bashgah-core-api}: a purchase made on the member's
 * birthday (in the organisation's time zone) earns bonus points, by default one per 1,000 of the amount.
 * Registered as a {@link PurchaseContributor} service, so dropping the jar into {@code deploy/} turns the
 * rule on for the next purchase and removing it turns it off. Settings: {@code etc/com.example.bashgah.birthday.cfg}.
 */
@Component(configurationPid = "com.example.bashgah.birthday")
@Designate(ocd = BirthdayBonus.Config.class)
public class BirthdayBonus implements PurchaseContributor {

    @ObjectClassDefinition(name = "Birthday bonus")
    @interface Config {
        @AttributeDefinition(description = "Bonus points per this much purchase amount")
        long amountPerPoint() default 1000;
    }

    private volatile long amountPerPoint;

    @Activate
    @Modified
    void configure(Config config) {
        this.amountPerPoint = Math.max(1, config.amountPerPoint());
    }

    @Override
    public String name() {
        return "birthday-bonus";
    }

    @Override
    public List<Proposal> contribute(PurchaseContext purchase) {
        long points = bonusPoints(purchase.member().birthDate(), purchase.at().toLocalDate(), purchase.amount(),
            amountPerPoint);
        if (points == 0) return List.of();
        return List.of(Proposal.bonus(Account.points(), points, name(), "Birthday bonus", "happy birthday"));
    }

    /** Points for a purchase of {@code amount} on {@code day} by a member born on {@code birthDate}. */
    static long bonusPoints(LocalDate birthDate, LocalDate day, long amount, long amountPerPoint) {
        if (birthDate == null) return 0;
        MonthDay birthday = MonthDay.from(birthDate);
        // members born on 29 February celebrate on 28 February in other years
        if (birthday.equals(MonthDay.of(2, 29)) && !day.isLeapYear()) birthday = MonthDay.of(2, 28);
        return MonthDay.from(day).equals(birthday) ? amount / amountPerPoint : 0;
    }
}
