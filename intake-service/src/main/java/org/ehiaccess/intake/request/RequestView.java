package org.ehiaccess.intake.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.ehiaccess.intake.clock.ClockKind;
import org.ehiaccess.intake.clock.ClockState;
import org.ehiaccess.intake.clock.RequestClock;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request as the API shows it. The list leaves {@code clocks} and {@code possibleDuplicates} out;
 * one request's page has them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(
        UUID id,
        Instant receivedAt,
        Channel channel,
        RequesterType requesterType,
        String requesterName,
        String requesterOrganization,
        String requesterContact,
        UUID patientId,
        String patientName,
        LocalDate patientBirthDate,
        String patientMrn,
        Purpose purpose,
        Set<EhiClass> ehiClasses,
        boolean allEhi,
        LocalDate recordsFrom,
        LocalDate recordsTo,
        Manner mannerRequested,
        String notes,
        String assignee,
        Verified identityVerification,
        Verified authorityVerification,
        RequestStatus status,
        String waitingFor,
        Instant waitingSince,
        Manner mannerUsed,
        Instant fulfilledAt,
        LocalDate extensionNoticeSentOn,
        String extensionReason,
        Instant nextDueAt,
        ClockState dueState,
        Instant createdAt,
        String createdBy,
        int version,
        List<ClockView> clocks,
        List<DuplicateView> possibleDuplicates) {

    /** How, by whom and when identity or authority was verified. */
    public record Verified(VerificationMethod method, String by, Instant at) {
        static Verified of(VerificationMethod method, String by, Instant at) {
            return method == null ? null : new Verified(method, by, at);
        }
    }

    public record ClockView(ClockKind kind, String label, String cfr, Instant startedAt, LocalDate dueOn, Instant dueAt,
            Instant metAt, ClockState state) {
        public static ClockView of(RequestClock c, Instant now) {
            return new ClockView(c.kind, c.label, c.cfr, c.startedAt, c.dueOn, c.dueAt, c.metAt, c.state(now));
        }
    }

    public record DuplicateView(UUID flagId, UUID duplicateOf, DuplicateFlag.Status status, String decidedBy,
            Instant decidedAt) {
        public static DuplicateView of(DuplicateFlag f) {
            return new DuplicateView(f.id, f.duplicateOf, f.status, f.decidedBy, f.decidedAt);
        }
    }

    /** For the log: the request without its clocks and flags. */
    public static RequestView summary(EhiRequest r, Instant now) {
        return of(r, now, null, null);
    }

    /** For one request's page: with its clocks and possible duplicates. */
    public static RequestView detail(EhiRequest r, Instant now) {
        return detail(r, now, RequestClock.of(r.id), DuplicateFlag.of(r.id));
    }

    /** The same, from clocks and flags already in hand. */
    public static RequestView detail(EhiRequest r, Instant now, List<RequestClock> clocks, List<DuplicateFlag> flags) {
        return of(r, now, clocks.stream().sorted(java.util.Comparator.comparing((RequestClock c) -> c.dueAt))
                .map(c -> ClockView.of(c, now)).toList(), flags.stream().map(DuplicateView::of).toList());
    }

    private static RequestView of(EhiRequest r, Instant now, List<ClockView> clocks, List<DuplicateView> duplicates) {
        ClockState dueState = r.nextDueAt == null ? null : ClockState.of(null, r.nextWarnAt, r.nextDueAt, now);
        return new RequestView(r.id, r.receivedAt, r.channel, r.requesterType, r.requesterName,
                r.requesterOrganization, r.requesterContact, r.patientId, r.patientName, r.patientBirthDate,
                r.patientMrn, r.purpose, r.ehiClasses(), r.allEhi, r.recordsFrom, r.recordsTo, r.mannerRequested,
                r.notes, r.assignee,
                Verified.of(r.identityVerificationMethod, r.identityVerifiedBy, r.identityVerifiedAt),
                Verified.of(r.authorityVerificationMethod, r.authorityVerifiedBy, r.authorityVerifiedAt),
                r.status, r.waitingFor, r.waitingSince, r.mannerUsed, r.fulfilledAt, r.extensionNoticeSentOn,
                r.extensionReason, r.nextDueAt, dueState, r.createdAt, r.createdBy, r.version, clocks, duplicates);
    }
}
