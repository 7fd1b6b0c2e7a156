package org.bashgah.credit.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Credit's settings from {@code etc/org.bashgah.credit.cfg}: the default policy and the expiry run. */
@Component(service = CreditSettings.class, configurationPid = "org.bashgah.credit")
@Designate(ocd = CreditSettings.Config.class)
public class CreditSettings {

    @ObjectClassDefinition(name = "Bashgah credit")
    public @interface Config {
        @AttributeDefinition(description = "Default credit percent of the amount paid")
        String default_creditPercent() default "5";

        @AttributeDefinition(description = "Default: SHARED, BRANCH or SPLIT")
        String default_creditTo() default "SHARED";

        String default_sharedPercentOfCredit() default "50";

        long default_amountPerPoint() default 10000;

        long default_pointValue() default 100;

        int default_creditExpiryDays() default 365;

        int default_pointsExpiryDays() default 0;

        String default_maxRedeemPercent() default "50";

        long default_signupPoints() default 100;

        long default_referralPoints() default 500;

        long default_reviewPoints() default 50;

        long default_socialPoints() default 20;

        long default_surveyPoints() default 50;

        @AttributeDefinition(description = "Hour of day (server time) of the daily expiry run")
        int expiry_hour() default 2;

        boolean expiry_enabled() default true;

        @AttributeDefinition(description = "Seconds a node keeps the policies and tier scheme it read")
        int cache_seconds() default 10;
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
