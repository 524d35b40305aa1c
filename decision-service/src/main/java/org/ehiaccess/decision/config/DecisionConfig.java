package org.ehiaccess.decision.config;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** decision-service settings ({@code decision.*}). */
@ConfigMapping(prefix = "decision")
public interface DecisionConfig {

    Rulesets rulesets();

    /** The clinics' time zone, for "today" ({@code eval.as_of_date} when not given), until clinic settings carry one. */
    @WithDefault("America/New_York")
    ZoneId timeZone();

    /** Hours of unavailability after which the prolonged-downtime warning is given (171.205(a)(1)). */
    @WithDefault("72")
    int prolongedDowntimeHours();

    /**
     * Each clinic's closure days beyond weekends and federal holidays, e.g. {@code decision.closures.sunrise=2026-12-24}.
     * A stop-gap until clinic administrators maintain closures in the clinic settings.
     */
    Map<String, Set<LocalDate>> closures();

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
    }

    interface Rulesets {

        /**
         * HTI5_FINAL is a placeholder built from the HTI-5 proposals; keep it off until counsel has verified the final
         * text (regulation.md §7).
         */
        @WithName("hti5-final-enabled")
        @WithDefault("false")
        boolean hti5FinalEnabled();
    }
}
