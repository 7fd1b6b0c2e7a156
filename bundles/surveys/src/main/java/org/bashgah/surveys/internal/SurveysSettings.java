package org.bashgah.surveys.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The surveys' settings from {@code etc/org.bashgah.surveys.cfg}; changes apply without a restart. */
@Component(service = SurveysSettings.class, configurationPid = "org.bashgah.surveys")
@Designate(ocd = SurveysSettings.Config.class)
public class SurveysSettings {

    @ObjectClassDefinition(name = "Bashgah surveys")
    public @interface Config {
        @AttributeDefinition(description = "A 1-5 scale answer at or below this alerts the branch (0: never)")
        int lowScore_scale() default 2;

        @AttributeDefinition(description = "A 0-10 NPS answer at or below this alerts the branch (-1: never)")
        int lowScore_nps() default 4;

        @AttributeDefinition(description = "Minutes after which an unfinished claim returns to the queue")
        int claim_timeoutMinutes() default 30;

        @AttributeDefinition(description = "Whether the queue runs by itself")
        boolean queue_run_enabled() default true;

        @AttributeDefinition(description = "Minutes between queue runs")
        int queue_run_intervalMinutes() default 5;
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

    /** The low-score thresholds in force. */
    public LowScores lowScores() {
        Config c = config;
        return new LowScores(c.lowScore_scale(), c.lowScore_nps());
    }

    /** How long an operator may hold a call, at least a minute. */
    public java.time.Duration claimTimeout() {
        return java.time.Duration.ofMinutes(Math.max(1, config.claim_timeoutMinutes()));
    }

    /**
     * The scores that need the branch's attention: a scale answer at or below {@code scale}, an NPS answer at or
     * below {@code nps}.
     */
    public record LowScores(int scale, int nps) {
    }
}
