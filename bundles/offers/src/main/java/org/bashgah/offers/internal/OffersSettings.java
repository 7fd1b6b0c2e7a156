package org.bashgah.offers.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The offers' settings from {@code etc/org.bashgah.offers.cfg}. */
@Component(service = OffersSettings.class, configurationPid = "org.bashgah.offers")
@Designate(ocd = OffersSettings.Config.class)
public class OffersSettings {

    @ObjectClassDefinition(name = "Bashgah offers")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a node keeps the active offers in memory before reading them "
            + "again (changes made on this node apply at once)")
        int cache_seconds() default 10;

        @AttributeDefinition(description = "Days of history a simulation replays when the request names none")
        int simulation_days() default 90;

        @AttributeDefinition(description = "Hour of day (server time) of the daily targeting runs")
        int targeting_hour() default 4;

        boolean targeting_enabled() default true;
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
