package org.ehiaccess.decision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** decision-service settings ({@code decision.*}). */
@ConfigMapping(prefix = "decision")
public interface DecisionConfig {

    Rulesets rulesets();

    /** Hours of unavailability after which the prolonged-downtime warning is given (171.205(a)(1)). */
    @WithDefault("72")
    int prolongedDowntimeHours();

    /** What decision-service asks intake-service before it acts. */
    Intake intake();

    interface Intake {

        /**
         * Whether a new assessment needs intake-service to confirm, with the caller's token, that the request is in
         * the caller's clinic. On in production; the tests that do not run intake-service turn it off.
         */
        @WithName("verify-requests")
        @WithDefault("true")
        boolean verifyRequests();

        /**
         * Whether each clinic's time zone and closure days are read from its settings in intake-service. On in
         * production; when off (tests that do not run intake-service) every clinic has intake-service's default
         * settings: America/New_York, no closures.
         */
        @WithName("read-settings")
        @WithDefault("true")
        boolean readSettings();
    }

    interface Rulesets {

        /**
         * HTI5_FINAL is a placeholder built from the HTI-5 proposals; keep it off until counsel has verified the final
         * text (the ruleset is described in rules/catalog.yaml).
         */
        @WithName("hti5-final-enabled")
        @WithDefault("false")
        boolean hti5FinalEnabled();
    }
}
