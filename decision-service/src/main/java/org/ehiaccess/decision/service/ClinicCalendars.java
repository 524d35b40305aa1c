package org.ehiaccess.decision.service;

import java.time.LocalDate;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.decision.config.DecisionConfig;
import org.ehiaccess.platform.time.BusinessCalendar;

/**
 * Each clinic's business-day calendar: US federal holidays plus the clinic's closures. The closures come from
 * configuration for now; this is the one place to change when the clinic settings carry them.
 */
@ApplicationScoped
public class ClinicCalendars {

    @Inject
    DecisionConfig config;

    public BusinessCalendar forClinic(String clinicId) {
        Set<LocalDate> closures = config.closures().getOrDefault(clinicId, Set.of());
        return closures.isEmpty() ? BusinessCalendar.federal() : BusinessCalendar.withClosures(closures);
    }
}
