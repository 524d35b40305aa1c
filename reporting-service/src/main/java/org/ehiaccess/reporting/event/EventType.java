package org.ehiaccess.reporting.event;

import static org.ehiaccess.reporting.event.DataKey.assessmentId;
import static org.ehiaccess.reporting.event.DataKey.assigneeId;
import static org.ehiaccess.reporting.event.DataKey.channel;
import static org.ehiaccess.reporting.event.DataKey.clock;
import static org.ehiaccess.reporting.event.DataKey.complaintId;
import static org.ehiaccess.reporting.event.DataKey.complaintSource;
import static org.ehiaccess.reporting.event.DataKey.complaintStatus;
import static org.ehiaccess.reporting.event.DataKey.dueAt;
import static org.ehiaccess.reporting.event.DataKey.exceptionCode;
import static org.ehiaccess.reporting.event.DataKey.hipaaGround;
import static org.ehiaccess.reporting.event.DataKey.legalBasis;
import static org.ehiaccess.reporting.event.DataKey.letterId;
import static org.ehiaccess.reporting.event.DataKey.letterKind;
import static org.ehiaccess.reporting.event.DataKey.level;
import static org.ehiaccess.reporting.event.DataKey.linkedRequestId;
import static org.ehiaccess.reporting.event.DataKey.outcome;
import static org.ehiaccess.reporting.event.DataKey.practiceType;
import static org.ehiaccess.reporting.event.DataKey.requesterType;
import static org.ehiaccess.reporting.event.DataKey.reviewId;
import static org.ehiaccess.reporting.event.DataKey.reviewOutcome;
import static org.ehiaccess.reporting.event.DataKey.sentVia;
import static org.ehiaccess.reporting.event.DataKey.status;
import static org.ehiaccess.reporting.event.DataKey.verdict;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The events reporting-service takes: each names its producer (whose {@code sequence} orders it), whether it belongs
 * to a request, and the {@link DataKey}s its data must and may hold. Nothing else is accepted.
 */
public enum EventType {
    REQUEST_RECEIVED("request.received", Source.INTAKE, true, Set.of(channel, requesterType), Set.of(status)),
    REQUEST_CHANGED("request.changed", Source.INTAKE, true, Set.of(), Set.of(channel, requesterType)),
    REQUEST_STATUS_CHANGED("request.status_changed", Source.INTAKE, true, Set.of(status), Set.of()),
    CLOCK_STARTED("clock.started", Source.INTAKE, true, Set.of(clock, dueAt), Set.of()),
    CLOCK_MET("clock.met", Source.INTAKE, true, Set.of(clock), Set.of()),
    CLOCK_MISSED("clock.missed", Source.INTAKE, true, Set.of(clock), Set.of(dueAt)),
    ALERT_RAISED("alert.raised", Source.INTAKE, true, Set.of(clock), Set.of(level, dueAt)),
    REQUEST_ASSIGNED("request.assigned", Source.INTAKE, true, Set.of(), Set.of(assigneeId)),
    COMPLAINT_LOGGED("complaint.logged", Source.INTAKE, false, Set.of(complaintId),
            Set.of(complaintSource, complaintStatus, outcome, linkedRequestId)),
    COMPLAINT_UPDATED("complaint.updated", Source.INTAKE, false, Set.of(complaintId),
            Set.of(complaintStatus, outcome, linkedRequestId)),
    ASSESSMENT_CREATED("assessment.created", Source.DECISION, true, Set.of(assessmentId), Set.of()),
    ASSESSMENT_SIGNED("assessment.signed", Source.DECISION, true, Set.of(assessmentId, verdict),
            Set.of(practiceType, legalBasis, exceptionCode, hipaaGround)),
    LETTER_GENERATED("letter.generated", Source.DECISION, true, Set.of(letterId), Set.of(letterKind, assessmentId)),
    LETTER_SENT("letter.sent", Source.DECISION, true, Set.of(letterId), Set.of(letterKind, sentVia)),
    REVIEW_DECIDED("review.decided", Source.DECISION, true, Set.of(reviewOutcome), Set.of(reviewId, assessmentId));

    /** The producer whose sequence orders the event: each service numbers its own events. */
    public enum Source {
        INTAKE("intake-service"), DECISION("decision-service");

        public final String wire;

        Source(String wire) {
            this.wire = wire;
        }
    }

    public final String wire;
    public final Source source;
    /** A request's event names the request; a complaint's names none (its data names the linked request). */
    public final boolean aboutRequest;
    public final Set<DataKey> required;
    public final Set<DataKey> optional;

    EventType(String wire, Source source, boolean aboutRequest, Set<DataKey> required, Set<DataKey> optional) {
        this.wire = wire;
        this.source = source;
        this.aboutRequest = aboutRequest;
        this.required = required.isEmpty() ? EnumSet.noneOf(DataKey.class) : EnumSet.copyOf(required);
        this.optional = optional.isEmpty() ? EnumSet.noneOf(DataKey.class) : EnumSet.copyOf(optional);
    }

    public static Optional<EventType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    public boolean allows(DataKey key) {
        return required.contains(key) || optional.contains(key);
    }
}
