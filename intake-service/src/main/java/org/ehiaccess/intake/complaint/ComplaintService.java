package org.ehiaccess.intake.complaint;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.intake.reporting.ReportingFeed;
import org.ehiaccess.intake.request.EhiRequest;
import org.ehiaccess.intake.request.RequestLogService;
import org.ehiaccess.intake.request.Timeline;
import org.ehiaccess.platform.audit.AuditTrail;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.Problem.FieldError;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.version.Versions;

/** Logging complaints, linking them to this clinic's requests, and tracking their resolution. */
@ApplicationScoped
public class ComplaintService {

    @Inject
    ClinicContext clinic;

    @Inject
    AuditTrail audit;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    @Inject
    ReportingFeed reporting;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    public UUID create(ComplaintInput input) {
        Complaint complaint = new Complaint();
        complaint.id = UUID.randomUUID();
        complaint.createdAt = clock.instant();
        complaint.createdBy = clinic.actor();
        complaint.status = Complaint.Status.open;
        apply(complaint, input);
        complaint.persist();
        audit.record("complaint", complaint.id.toString(), "logged", null, describe(complaint));
        reporting.complaintLogged(complaint);
        return complaint.id;
    }

    @Transactional
    public Complaint update(UUID id, long version, ComplaintInput input) {
        Complaint complaint = get(id);
        Versions.check("complaint", version, complaint.version);
        String before = describe(complaint);
        apply(complaint, input);
        audit.record("complaint", id.toString(), "updated", before, describe(complaint));
        reporting.complaintUpdated(complaint);
        Complaint.flush();
        return complaint;
    }

    public Complaint get(UUID id) {
        return Complaint.<Complaint>find("id = ?1", id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Complaint " + id));
    }

    public List<Complaint> list(Complaint.Status status, int limit) {
        return status == null
                ? Complaint.<Complaint>find("order by receivedOn desc, id desc").page(0, limit).list()
                : Complaint.<Complaint>find("status = ?1 order by receivedOn desc, id desc", status).page(0, limit).list();
    }

    private void apply(Complaint complaint, ComplaintInput input) {
        List<FieldError> errors = new ArrayList<>();
        Complaint.Status status = input.status() == null ? complaint.status : input.status();
        if (status == Complaint.Status.resolved && (input.resolution() == null || input.resolution().isBlank())) {
            errors.add(new FieldError("resolution", "say how the complaint was resolved"));
        }
        if (input.resolvedOn() != null && input.resolvedOn().isBefore(input.receivedOn())) {
            errors.add(new FieldError("resolvedOn", "must not be before receivedOn"));
        }
        Set<UUID> requestIds = input.requestIds() == null ? Set.of() : new LinkedHashSet<>(input.requestIds());
        Set<UUID> linkedBefore = Set.copyOf(complaint.requestIds);
        if (!requestIds.isEmpty()) {
            // only this clinic's requests can be linked: the query is filtered by clinic
            long found = EhiRequest.count("id in ?1", requestIds);
            if (found != requestIds.size()) {
                errors.add(new FieldError("requestIds", "includes a request that is not in this clinic's log"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        complaint.receivedOn = input.receivedOn();
        complaint.source = input.source();
        complaint.sourceName = RequestLogService.blankToNull(input.sourceName());
        complaint.allegation = input.allegation().strip();
        complaint.status = status;
        complaint.resolution = RequestLogService.blankToNull(input.resolution());
        complaint.resolvedOn = status.isClosed() && input.resolvedOn() == null
                ? java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                : input.resolvedOn();
        complaint.requestIds.clear();
        complaint.requestIds.addAll(requestIds);
        // the linked requests' timelines show the complaint (newly linked ones only)
        for (UUID requestId : requestIds) {
            if (!linkedBefore.contains(requestId)) {
                EhiRequest.<EhiRequest>find("id = ?1", requestId).firstResultOptional()
                        .ifPresent(r -> timeline.record(r, "complaint_linked", "Complaint " + complaint.id
                                + " (" + complaint.source + ") concerns this request"));
            }
        }
    }

    /** The audited state as JSON, like the settings' audit. */
    private String describe(Complaint c) {
        java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("status", c.status);
        state.put("source", c.source);
        state.put("sourceName", c.sourceName);
        state.put("receivedOn", String.valueOf(c.receivedOn));
        state.put("allegation", c.allegation);
        state.put("requestIds", List.copyOf(c.requestIds));
        state.put("resolution", c.resolution);
        state.put("resolvedOn", c.resolvedOn == null ? null : c.resolvedOn.toString());
        try {
            return json.writeValueAsString(state);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
