package org.bashgah.core.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Core's settings from {@code etc/org.bashgah.core.cfg}; every one has a sane default. */
@Component(service = CoreSettings.class, configurationPid = "org.bashgah.core")
@Designate(ocd = CoreSettings.Config.class)
public class CoreSettings {

    @ObjectClassDefinition(name = "Bashgah core")
    public @interface Config {
        @AttributeDefinition(description = "Code of the organisation created at first start")
        String organisation_code() default "main";

        @AttributeDefinition(description = "Name of the organisation created at first start")
        String organisation_name() default "My chain";

        @AttributeDefinition(description = "Currency unit of amounts for the first organisation")
        String organisation_currency() default "IRR";

        @AttributeDefinition(description = "Time zone (IANA id) of the first organisation")
        String organisation_timeZone() default "Asia/Tehran";

        @AttributeDefinition(description = "Calendar of the first organisation: persian or gregorian")
        String organisation_calendar() default "persian";

        @AttributeDefinition(description = "Region for phone numbers written without a country code (ISO 3166)")
        String phone_region() default "IR";

        @AttributeDefinition(description = "Hours a login token stays valid")
        int token_hours() default 12;

        @AttributeDefinition(description = "Purchases and refunds posted at once; 0: from the pool size")
        int purchase_concurrency() default 0;
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

    public String phoneRegion() {
        return config.phone_region();
    }

    /** The configured bound of postings in flight; 0 or less: derive it from the pool. */
    public int purchaseConcurrency() {
        return config.purchase_concurrency();
    }

    public int tokenHours() {
        return Math.max(1, config.token_hours());
    }
}
