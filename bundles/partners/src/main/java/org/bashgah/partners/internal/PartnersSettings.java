package org.bashgah.partners.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The partners' settings from {@code etc/org.bashgah.partners.cfg}; changes apply without a restart. */
@Component(service = PartnersSettings.class, configurationPid = "org.bashgah.partners")
@Designate(ocd = PartnersSettings.Config.class)
public class PartnersSettings {

    @ObjectClassDefinition(name = "Bashgah partners")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a signed request's timestamp may differ from our clock")
        int signature_maxSkewSeconds() default 300;

        @AttributeDefinition(description = "Seconds an outgoing call to a remote partner may take")
        int remote_timeoutSeconds() default 10;

        @AttributeDefinition(description = "Seconds between tries to deliver messages a remote partner has not taken yet")
        int remote_retrySeconds() default 10;
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
