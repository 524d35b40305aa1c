package org.ehiaccess.intake.settings;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.intake.clock.ClockService;
import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.request.RequestStatus;
import org.ehiaccess.platform.audit.AuditTrail;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.version.Versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Saves the clinic's settings and recomputes the due dates of its open requests in the same transaction. */
@ApplicationScoped
public class PolicyChanges {

    static final List<RequestStatus> OPEN = List.of(RequestStatus.received, RequestStatus.triaged,
            RequestStatus.in_review, RequestStatus.waiting_on_requester, RequestStatus.extended);

    @Inject
    ClinicSettingsService settings;

    @Inject
    ClockService clocks;

    @Inject
    AuditTrail audit;

    @Inject
    ClinicContext clinic;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Transactional
    public ClinicSettings update(long version, SettingsUpdate update) {
        ZoneId zone = zone(update.timeZone());
        ClinicSettings saved = settings.forUpdate();
        Versions.check("clinic's settings", version, saved.version);
        String before = describe(saved);
        saved.timeZone = zone.getId();
        saved.closures = update.closures().stream().sorted().toArray(LocalDate[]::new);
        saved.responsePolicy = update.responsePolicy();
        saved.updatedAt = clock.instant();
        saved.updatedBy = clinic.actor();
        audit.record("settings", saved.clinicId, "updated", before, describe(saved));
        // every open request's deadlines follow the new policy
        EhiRequest.<EhiRequest>stream("status in ?1", OPEN)
                .forEach(request -> clocks.applyStandardClocks(request, saved));
        ClinicSettings.flush();
        return saved;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "is not a time zone such as America/Chicago");
        }
    }

    private String describe(ClinicSettings s) {
        try {
            return json.writeValueAsString(new SettingsSnapshot(s.timeZone, List.of(s.closures), s.responsePolicy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record SettingsSnapshot(String timeZone, List<LocalDate> closures, Object responsePolicy) {
    }
}
