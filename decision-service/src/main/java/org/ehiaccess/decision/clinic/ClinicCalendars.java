package org.ehiaccess.decision.clinic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.decision.config.DecisionConfig;
import org.ehiaccess.decision.intake.ClinicSettings;
import org.ehiaccess.decision.intake.IntakeClient;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.platform.time.BusinessCalendar;
import org.jboss.logging.Logger;

/**
 * Each clinic's calendar: its time zone ("today", the dates on letters) and its business days (US federal holidays
 * plus the clinic's closures, for the 171.204(b) ten-business-day notice). The clinic's settings are intake-service's;
 * they are read with the caller's token (so the caller's own clinic is read) and kept {@link #FRESH_FOR} per clinic.
 * <p>
 * When intake-service cannot be reached the last settings read are used, however old (a warning is logged); when
 * none were ever read the caller gets 503 rather than a guessed zone, since a wrong zone or a missed closure would put
 * a wrong date on a letter or a due date.
 */
@ApplicationScoped
public class ClinicCalendars {

    /** How long settings read from intake-service are used before they are read again. */
    static final Duration FRESH_FOR = Duration.ofMinutes(3);

    /** intake-service's settings for a clinic that never changed them; used only when reading is turned off. */
    private static final Calendar UNREAD = new Calendar(ZoneId.of("America/New_York"), BusinessCalendar.federal());

    private static final Logger LOG = Logger.getLogger(ClinicCalendars.class);

    @Inject
    DecisionConfig config;

    @Inject
    IntakeClient intake;

    @Inject
    ClinicContext clinic;

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** A clinic's zone and business days. */
    public record Calendar(ZoneId zone, BusinessCalendar businessDays) {
    }

    private record Known(Calendar calendar, Instant readAt) {
    }

    /** The business days of the caller's clinic {@code clinicId}. */
    public BusinessCalendar forClinic(String clinicId) {
        return calendar(clinicId).businessDays();
    }

    /** The caller's clinic's date today. */
    public LocalDate today() {
        return LocalDate.now(calendar(clinic.clinicId()).zone());
    }

    /** The caller's clinic's date at {@code instant}. */
    public LocalDate localDate(Instant instant) {
        return instant.atZone(calendar(clinic.clinicId()).zone()).toLocalDate();
    }

    /** The calendar of the caller's clinic {@code clinicId}, read as the caller. */
    public Calendar calendar(String clinicId) {
        if (!config.intake().readSettings()) {
            return UNREAD;
        }
        Known last = known.get(clinicId);
        if (last != null && last.readAt().plus(FRESH_FOR).isAfter(Instant.now())) {
            return last.calendar();
        }
        try {
            Calendar read = of(intake.getSettings());
            known.put(clinicId, new Known(read, Instant.now()));
            return read;
        } catch (RuntimeException e) {
            if (last != null) {
                LOG.warnf("clinic %s: intake-service's settings could not be read (%s); using those read at %s",
                        clinicId, e.getClass().getSimpleName(), last.readAt());
                return last.calendar();
            }
            LOG.warnf("clinic %s: intake-service's settings could not be read (%s) and none were read before",
                    clinicId, e.getClass().getSimpleName());
            throw new ProblemException(Problem.of(ProblemType.SERVICE_UNAVAILABLE, 503, "Service unavailable",
                    "The clinic's time zone and closure days could not be read from intake-service; try again shortly."));
        }
    }

    private static Calendar of(ClinicSettings settings) {
        Set<LocalDate> closures = settings.closures() == null ? Set.of() : Set.copyOf(settings.closures());
        return new Calendar(ZoneId.of(settings.timeZone()),
                closures.isEmpty() ? BusinessCalendar.federal() : BusinessCalendar.withClosures(closures));
    }
}
