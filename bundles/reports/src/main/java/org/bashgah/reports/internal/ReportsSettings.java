package org.bashgah.reports.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The reports' settings from {@code etc/org.bashgah.reports.cfg} (docs/reports.md). */
@Component(service = ReportsSettings.class, configurationPid = "org.bashgah.reports")
@Designate(ocd = ReportsSettings.Config.class)
public class ReportsSettings {

    @ObjectClassDefinition(name = "Bashgah reports")
    public @interface Config {
        @AttributeDefinition(description = "Days without a visit after which a member counts as churned (churn, CLV, "
            + "leaderboard retention), unless the request gives ?days=")
        int churn_days() default 90;

        @AttributeDefinition(description = "Days ahead the predicted customer lifetime value looks")
        int clv_horizon_days() default 365;

        @AttributeDefinition(description = "Days ahead the credit liability report counts as expiring soon, unless "
            + "the request gives ?days=")
        int expiring_days() default 30;

        @AttributeDefinition(description = "Days a time series covers when the request gives no from")
        int range_days() default 30;

        @AttributeDefinition(description = "Most buckets one report may have (e.g. days of a range)")
        int buckets_max() default 1000;
    }

    private volatile Config config;

    @Activate
    @Modified
    void configure(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }
}
