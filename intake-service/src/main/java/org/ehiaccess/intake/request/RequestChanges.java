package org.ehiaccess.intake.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.intake.clock.ClockKind;
import org.ehiaccess.intake.clock.ClockPlan;
import org.ehiaccess.intake.clock.ClockPlanner;
import org.ehiaccess.intake.clock.ClockService;
import org.ehiaccess.intake.clock.ClockStart;
import org.ehiaccess.intake.clock.LawCatalog;
import org.ehiaccess.intake.clock.RequestClock;
import org.ehiaccess.intake.decision.DecisionClient;
import org.ehiaccess.intake.decision.DecisionSupport;
import org.ehiaccess.intake.patient.PatientIndex;
import org.ehiaccess.intake.settings.ClinicSettings;
import org.ehiaccess.intake.settings.ClinicSettingsService;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.platform.version.Versions;

/**
 * Every change to a logged request: each one checks the caller's version (a stale edit gets 409,
 * never a lost update), lands on the timeline with before and after, and keeps the clocks right.
 */
@ApplicationScoped
public class RequestChanges {

    /** Status changes a person can make directly; {@code extended} comes only with the written notice. */
    static final Set<RequestStatus> SETTABLE = EnumSet.complementOf(EnumSet.of(RequestStatus.received,
            RequestStatus.extended));

    @Inject
    RequestLogService log;

    @Inject
    RequestRules rules;

    @Inject
    PatientIndex patients;

    @Inject
    ClockService clocks;

    @Inject
    ClinicSettingsService settings;

    @Inject
    Timeline timeline;

    @Inject
    ClinicContext clinic;

    @Inject
    Clock clock;

    @Inject
    DecisionClient decisions;

    /** Corrects or completes the request's details (same rules as logging it). */
    @Transactional
    public EhiRequest edit(UUID id, long version, NewRequest input) {
        rules.check(input);
        EhiRequest request = current(id, version);
        timeline.change(request, "receivedAt", request.receivedAt, input.receivedAt());
        request.receivedAt = input.receivedAt();
        timeline.change(request, "channel", request.channel, input.channel());
        request.channel = input.channel();
        timeline.change(request, "requesterType", request.requesterType, input.requesterType());
        request.requesterType = input.requesterType();
        timeline.change(request, "requesterName", request.requesterName, input.requesterName().strip());
        request.requesterName = input.requesterName().strip();
        String organization = RequestLogService.blankToNull(input.requesterOrganization());
        timeline.change(request, "requesterOrganization", request.requesterOrganization, organization);
        request.requesterOrganization = organization;
        String contact = RequestLogService.blankToNull(input.requesterContact());
        timeline.change(request, "requesterContact", request.requesterContact, contact);
        request.requesterContact = contact;
        String patientBefore = patientLine(request);
        patients.identify(request, input.patientId(), input.patientName(), input.patientBirthDate(),
                input.patientMrn(), clock.instant());
        timeline.change(request, "patient", patientBefore, patientLine(request));
        timeline.change(request, "purpose", request.purpose, input.purpose());
        request.purpose = input.purpose();
        Set<EhiClass> classes = input.ehiClasses() == null || input.ehiClasses().isEmpty()
                ? EnumSet.of(EhiClass.full_record)
                : input.ehiClasses();
        timeline.change(request, "ehiClasses", request.ehiClasses(), EnumSet.copyOf(classes));
        request.ehiClasses(classes);
        timeline.change(request, "allEhi", request.allEhi, input.asksForAllEhi());
        request.allEhi = input.asksForAllEhi();
        timeline.change(request, "recordsFrom", request.recordsFrom, input.recordsFrom());
        request.recordsFrom = input.recordsFrom();
        timeline.change(request, "recordsTo", request.recordsTo, input.recordsTo());
        request.recordsTo = input.recordsTo();
        timeline.change(request, "mannerRequested", request.mannerRequested, input.mannerRequested());
        request.mannerRequested = input.mannerRequested();
        String notes = RequestLogService.blankToNull(input.notes());
        timeline.change(request, "notes", request.notes, notes);
        request.notes = notes;
        String assignee = RequestLogService.blankToNull(input.assignee());
        timeline.change(request, "assignee", request.assignee, assignee);
        request.assignee = assignee;
        request.refreshSearchKeys();
        if (request.status.isOpen()) {
            clocks.applyStandardClocks(request, settings.current());
        }
        return saved(request);
    }

    @Transactional
    public EhiRequest changeStatus(UUID id, long version, StatusChange change) {
        EhiRequest request = current(id, version);
        RequestStatus to = change.status();
        if (!request.status.isOpen()) {
            throw ProblemException.conflict("This request is already closed (" + request.status
                    + "); a closed request keeps its status.");
        }
        if (!SETTABLE.contains(to)) {
            throw ProblemException.invalid("status", to == RequestStatus.extended
                    ? "record the written extension notice to extend (164.524(b)(2)(ii))"
                    : "a request cannot go back to " + to);
        }
        if (to == request.status) {
            throw ProblemException.invalid("status", "the request is already " + to);
        }
        DecisionSupport decision = null;
        if (to.needsSupportingDecision()) {
            // asked before anything changes: without decision-service's answer nothing is changed (503)
            decision = decisions.support(id, to.name());
            if (!decision.supported()) {
                throw ProblemException.conflict(ProblemType.DECISION_REQUIRED, decision.reason());
            }
        }
        Instant now = clock.instant();
        if (to == RequestStatus.waiting_on_requester) {
            if (change.waitingFor() == null || change.waitingFor().isBlank()) {
                throw ProblemException.invalid("waitingFor", "say what the clinic is waiting for");
            }
            timeline.change(request, "waitingFor", request.waitingFor, change.waitingFor().strip());
            request.waitingFor = change.waitingFor().strip();
            request.waitingSince = now;
        } else if (request.status == RequestStatus.waiting_on_requester) {
            timeline.change(request, "waitingFor", request.waitingFor, null);
            request.waitingFor = null;
            request.waitingSince = null;
        }
        if (to == RequestStatus.fulfilled || to == RequestStatus.partially_fulfilled) {
            if (change.mannerUsed() == null) {
                throw ProblemException.invalid("mannerUsed", "say how the request was fulfilled");
            }
            Instant fulfilledAt = change.fulfilledAt() == null ? now : change.fulfilledAt();
            if (fulfilledAt.isAfter(now.plus(RequestRules.CLOCK_SKEW))) {
                throw ProblemException.invalid("fulfilledAt", "must not be in the future");
            }
            if (fulfilledAt.isBefore(request.receivedAt)) {
                throw ProblemException.invalid("fulfilledAt", "must not be before the request was received");
            }
            timeline.change(request, "mannerUsed", request.mannerUsed, change.mannerUsed());
            timeline.change(request, "fulfilledAt", request.fulfilledAt, fulfilledAt);
            request.mannerUsed = change.mannerUsed();
            request.fulfilledAt = fulfilledAt;
        }
        timeline.change(request, "status", request.status, to);
        if (change.note() != null && !change.note().isBlank()) {
            timeline.record(request, "note", change.note().strip());
        }
        request.status = to;
        if (!to.isOpen()) {
            request.closedAt = now;
            clocks.meetOnClose(request, request.fulfilledAt != null ? request.fulfilledAt : now, decision);
        }
        return saved(request);
    }

    @Transactional
    public EhiRequest verify(UUID id, long version, Verification verification) {
        EhiRequest request = current(id, version);
        Instant now = clock.instant();
        Instant at = verification.verifiedAt() == null ? now : verification.verifiedAt();
        if (at.isAfter(now.plus(RequestRules.CLOCK_SKEW))) {
            throw ProblemException.invalid("verifiedAt", "must not be in the future");
        }
        if (verification.subject() == Verification.Subject.identity) {
            request.identityVerificationMethod = verification.method();
            request.identityVerifiedBy = clinic.actor();
            request.identityVerifiedAt = at;
        } else {
            request.authorityVerificationMethod = verification.method();
            request.authorityVerifiedBy = clinic.actor();
            request.authorityVerifiedAt = at;
        }
        timeline.record(request, verification.subject() + "_verified", "Verified by " + verification.method());
        return saved(request);
    }

    /** 164.524(b)(2)(ii): one extension, only with a written notice sent within the first period. */
    @Transactional
    public EhiRequest extend(UUID id, long version, Extension extension) {
        EhiRequest request = current(id, version);
        if (!request.status.isOpen()) {
            throw ProblemException.conflict("A closed request cannot be extended.");
        }
        if (request.isExtended()) {
            throw ProblemException.conflict("HIPAA allows one extension only; this request was already extended on "
                    + request.extensionNoticeSentOn + ".");
        }
        if (!ClockPlanner.hipaaApplies(request.requesterType)) {
            throw ProblemException.invalid("noticeSentOn",
                    "only an individual's access request has the HIPAA 30-day clock to extend");
        }
        ClinicSettings clinicSettings = settings.current();
        ClockPlanner planner = new ClockPlanner(clinicSettings);
        LocalDate received = planner.localDate(request.receivedAt);
        LocalDate today = planner.localDate(clock.instant());
        if (extension.noticeSentOn().isBefore(received) || extension.noticeSentOn().isAfter(today)) {
            throw ProblemException.invalid("noticeSentOn", "must be between the receipt date and today");
        }
        LawCatalog.HipaaAction hipaa = LawCatalog.CURRENT.hipaaAction();
        if (extension.noticeSentOn().isAfter(received.plusDays(hipaa.days()))) {
            throw ProblemException.invalid("noticeSentOn", "the notice must be sent within " + hipaa.days()
                    + " days of receipt (" + received.plusDays(hipaa.days()) + "); a later notice cannot extend the deadline");
        }
        if (extension.expectedActionDate().isBefore(extension.noticeSentOn())
                || extension.expectedActionDate().isAfter(received.plusDays(hipaa.extendedDays()))) {
            throw ProblemException.invalid("expectedActionDate", "must be on or before "
                    + received.plusDays(hipaa.extendedDays()) + " (" + hipaa.extendedDays() + " days after receipt)");
        }
        request.extensionNoticeSentOn = extension.noticeSentOn();
        request.extensionReason = extension.reasons().strip();
        timeline.change(request, "status", request.status, RequestStatus.extended);
        timeline.record(request, "extended", "Written extension notice sent " + extension.noticeSentOn()
                + "; action by " + extension.expectedActionDate());
        request.status = RequestStatus.extended;
        clocks.applyStandardClocks(request, clinicSettings);
        return saved(request);
    }

    @Transactional
    public EhiRequest assign(UUID id, long version, String assignee) {
        EhiRequest request = current(id, version);
        String to = RequestLogService.blankToNull(assignee);
        timeline.change(request, "assignee", request.assignee, to);
        request.assignee = to;
        return saved(request);
    }

    @Transactional
    public org.ehiaccess.intake.request.RequestEvent addNote(UUID id, String text) {
        EhiRequest request = log.get(id);
        timeline.record(request, "note", text.strip());
        return org.ehiaccess.intake.request.RequestEvent.<org.ehiaccess.intake.request.RequestEvent>find(
                "requestId = ?1 and kind = 'note' order by occurredAt desc, id desc", request.id).firstResult();
    }

    /** Adds a clock a decision brings (the 171.204(b) notice, the review of a reviewable denial). */
    @Transactional
    public RequestClock startClock(UUID id, ClockStart start) {
        EhiRequest request = log.get(id);
        ClinicSettings clinicSettings = settings.current();
        ClockPlanner planner = new ClockPlanner(clinicSettings);
        RequestClock existing = RequestClock.find("requestId = ?1 and kind = ?2", id, start.kind()).firstResult();
        if (existing != null && existing.metAt == null) {
            return existing;
        }
        ClockPlan plan = switch (start.kind()) {
            case infeasibility_notice -> planner.infeasibilityNotice(request.receivedAt);
            // 164.524(a)(4): the review starts when the individual asks for it
            case denial_review -> planner.denialReview(clock.instant());
            default -> throw ProblemException.invalid("kind", "only infeasibility_notice and denial_review start here;"
                    + " the others start when the request is logged");
        };
        return clocks.start(request, plan, clinicSettings.responsePolicy.alertThresholds());
    }

    @Transactional
    public RequestClock meetClock(UUID id, ClockKind kind) {
        EhiRequest request = log.get(id);
        RequestClock target = RequestClock.<RequestClock>find("requestId = ?1 and kind = ?2", id, kind)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Clock " + kind + " of request " + id));
        if (kind.metByClosing()) {
            if (!ClockService.waitsForWrittenDenial(request, target)) {
                throw ProblemException.invalid("kind", "this clock is met by closing the request");
            }
            // a denial closed before its letter went out: the HIPAA clock is met once the letter is sent
            DecisionSupport decision = decisions.support(id, request.status.name());
            if (!ClockService.answersHipaaClock(request.status, decision)) {
                throw ProblemException.conflict(ProblemType.DECISION_REQUIRED, "The written denial"
                        + " (164.524(d)(2)) has not been sent: generate the denial letter from the signed decision"
                        + " and mark it sent; that meets the HIPAA clock.");
            }
        }
        if (target.metAt == null) {
            clocks.meet(request, target, clock.instant());
        }
        return target;
    }

    @Transactional
    public DuplicateFlag decideDuplicate(UUID id, UUID flagId, DuplicateFlag.Status decision) {
        EhiRequest request = log.get(id);
        DuplicateFlag flag = DuplicateFlag.<DuplicateFlag>find("id = ?1 and requestId = ?2", flagId, id)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Duplicate flag " + flagId));
        if (decision == DuplicateFlag.Status.open) {
            throw ProblemException.invalid("decision", "must be confirmed or dismissed");
        }
        if (flag.status != DuplicateFlag.Status.open) {
            throw ProblemException.conflict("This flag was already " + flag.status + " by " + flag.decidedBy + ".");
        }
        flag.status = decision;
        flag.decidedBy = clinic.actor();
        flag.decidedAt = clock.instant();
        timeline.record(request, "duplicate_" + decision, "Request " + flag.duplicateOf + " " + decision
                + " as a duplicate (records are not merged)");
        return flag;
    }

    /** The request at the version the caller saw, or 409. */
    EhiRequest current(UUID id, long version) {
        EhiRequest request = log.get(id);
        Versions.check("request", version, request.version);
        return request;
    }

    /** Flushes now, so that a concurrent change fails here with a 409 rather than at commit. */
    private static EhiRequest saved(EhiRequest request) {
        EhiRequest.flush();
        return request;
    }

    private static String patientLine(EhiRequest r) {
        return r.patientName + " (" + r.patientBirthDate + (r.patientMrn == null ? "" : ", MRN " + r.patientMrn) + ")";
    }
}
