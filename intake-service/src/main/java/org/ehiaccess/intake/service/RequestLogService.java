package org.ehiaccess.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.request.RequestEvent;
import org.ehiaccess.intake.request.RequestStatus;
import org.ehiaccess.intake.rest.NewRequest;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.idempotency.IdempotencyKeys;
import org.ehiaccess.platform.problem.ProblemException;

/** Logging requests and reading them back, always within the signed-in clinic. */
@ApplicationScoped
public class RequestLogService {

    /** Oldest birth date accepted: anything earlier is a typing error, not a patient. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    @Inject
    ClinicContext clinic;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Clock clock;

    /** Logs a request and its {@code received} timeline event in one transaction, once per idempotency key. */
    @Transactional
    public IdempotencyKeys.Outcome log(NewRequest input, String idempotencyKey) {
        if (input.patientBirthDate().isBefore(EARLIEST_BIRTH_DATE)) {
            throw ProblemException.invalid("patientBirthDate", "must be on or after " + EARLIEST_BIRTH_DATE);
        }
        return idempotency.createOnce(idempotencyKey, "request", input.fingerprint(), () -> create(input));
    }

    private UUID create(NewRequest input) {
        Instant now = clock.instant();
        EhiRequest request = new EhiRequest();
        request.id = UUID.randomUUID();
        request.receivedAt = input.receivedAt();
        request.channel = input.channel();
        request.requesterType = input.requesterType();
        request.requesterName = input.requesterName().strip();
        request.patientName = input.patientName().strip();
        request.patientBirthDate = input.patientBirthDate();
        request.purpose = input.purpose();
        request.ehiClasses(input.ehiClasses());
        request.mannerRequested = input.mannerRequested();
        request.status = RequestStatus.received;
        request.createdAt = now;
        request.createdBy = clinic.actor();
        request.persist();
        RequestEvent.of(request.id, now, request.createdBy, "received",
                "Logged from channel " + request.channel).persist();
        return request.id;
    }

    /** A request of the signed-in clinic; another clinic's request does not exist for this caller. */
    public Optional<EhiRequest> find(UUID id) {
        // a query, not find(): the clinic filter applies to queries
        return EhiRequest.find("id = ?1", id).firstResultOptional();
    }

    /** The newest requests first. */
    public List<EhiRequest> latest(int limit) {
        return EhiRequest.find("order by receivedAt desc, id desc").page(0, limit).list();
    }
}
