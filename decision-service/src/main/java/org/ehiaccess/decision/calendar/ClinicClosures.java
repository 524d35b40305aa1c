package org.ehiaccess.decision.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * Days a clinic is closed beyond weekends and federal holidays (a local holiday, a disaster closure).
 * Clinic administrators will maintain them in the clinic settings; until then they come from configuration.
 */
@FunctionalInterface
public interface ClinicClosures {

    ClinicClosures NONE = date -> false;

    boolean isClosed(LocalDate date);

    static ClinicClosures on(Set<LocalDate> dates) {
        Set<LocalDate> copy = Set.copyOf(dates);
        return copy::contains;
    }
}
