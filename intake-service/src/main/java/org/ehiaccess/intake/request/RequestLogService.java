package org.ehiaccess.intake.request;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.intake.clock.ClockService;
import org.ehiaccess.intake.clock.RequestClock;
import org.ehiaccess.intake.patient.PatientIndex;
import org.ehiaccess.intake.settings.ClinicSettingsService;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.idempotency.IdempotencyKeys;
import org.ehiaccess.platform.problem.ProblemException;

/** Logging requests and reading them back, always within the signed-in clinic. */
@ApplicationScoped
public class RequestLogService {

    @Inject
    ClinicContext clinic;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    RequestRules rules;

    @Inject
    ClinicSettingsService settings;

    @Inject
    ClockService clocks;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    Timeline timeline;

    @Inject
    PatientIndex patients;

    @Inject
    Clock clock;

    /**
     * Logs a request with its clocks, its {@code received} timeline event and any duplicate flags, in
     * one transaction, once per idempotency key (a retry gets the first request). Bad input saves nothing.
     */
    @Transactional
    public RequestView log(NewRequest input, String idempotencyKey) {
        rules.check(input);
        IdempotencyKeys.Outcome outcome = idempotency.claim(idempotencyKey, "request", input.fingerprint(),
                UUID.randomUUID());
        return outcome.created() ? create(input, outcome.id()) : RequestView.detail(get(outcome.id()), clock.instant());
    }

    /** Everything is planned in memory first, so each row is written once (this is the hot path). */
    private RequestView create(NewRequest input, UUID id) {
        Instant now = clock.instant();
        EhiRequest request = new EhiRequest();
        request.id = id;
        request.receivedAt = input.receivedAt();
        request.channel = input.channel();
        request.requesterType = input.requesterType();
        request.requesterName = input.requesterName().strip();
        request.requesterOrganization = blankToNull(input.requesterOrganization());
        request.requesterContact = blankToNull(input.requesterContact());
        patients.identify(request, input.patientId(), input.patientName(), input.patientBirthDate(),
                input.patientMrn(), now);
        request.purpose = input.purpose();
        request.allEhi = input.asksForAllEhi();
        request.ehiClasses(input.ehiClasses() == null || input.ehiClasses().isEmpty()
                ? EnumSet.of(EhiClass.full_record)
                : input.ehiClasses());
        request.recordsFrom = input.recordsFrom();
        request.recordsTo = input.recordsTo();
        request.mannerRequested = input.mannerRequested();
        request.notes = blankToNull(input.notes());
        request.assignee = blankToNull(input.assignee());
        request.status = RequestStatus.received;
        request.createdAt = now;
        request.createdBy = clinic.actor();
        request.refreshSearchKeys();
        List<RequestClock> requestClocks = clocks.firstClocks(request, settings.current());
        request.persist();
        requestClocks.forEach(c -> c.persist());
        timeline.record(request, "received", "Logged from channel " + request.channel);
        List<DuplicateFlag> flags = new ArrayList<>();
        for (EhiRequest earlier : duplicates.likelyDuplicatesOf(request)) {
            DuplicateFlag flag = DuplicateFinder.flag(request.id, earlier.id, now);
            flag.persist();
            flags.add(flag);
            timeline.record(request, "duplicate_flagged", "Looks like request " + earlier.id + "; confirm or dismiss");
        }
        return RequestView.detail(request, now, requestClocks, flags);
    }

    /** A request of the signed-in clinic; another clinic's request does not exist for this caller. */
    public Optional<EhiRequest> find(UUID id) {
        // a query, not find(): the clinic filter applies to queries
        return EhiRequest.find("id = ?1", id).firstResultOptional();
    }

    public EhiRequest get(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Request " + id));
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
