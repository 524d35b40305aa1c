package org.ehiaccess.decision.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.rules.RuleCatalog;
import org.ehiaccess.decision.clinic.ClinicCalendars;

/**
 * The decision engine over the shipped rule catalog; the catalog is read and checked once, at start-up. "Today" is the
 * caller's clinic's date, in the clinic's time zone.
 */
public class EngineProducer {

    static final String HTI5_FINAL = "HTI5_FINAL";

    @Produces
    @ApplicationScoped
    DecisionEngine engine(DecisionConfig config, ClinicCalendars calendars) {
        boolean hti5 = config.rulesets().hti5FinalEnabled();
        return new DecisionEngine(RuleCatalog.load(), calendars::today,
                ruleset -> RuleCatalog.CURRENT.equals(ruleset) || (hti5 && HTI5_FINAL.equals(ruleset)),
                config.prolongedDowntimeHours());
    }
}
