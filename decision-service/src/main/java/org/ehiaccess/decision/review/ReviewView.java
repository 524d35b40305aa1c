package org.ehiaccess.decision.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.ehiaccess.decision.intake.IntakeEffects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The review of a reviewable denial as the API shows it. {@code status}: requested, upheld or reversed.
 * {@code intakeUpdated} and {@code intakeMessage} appear only on the answers to asking for and deciding a review.
 */
public record ReviewView(UUID id, UUID requestId, UUID assessmentId, int assessmentVersion, String status,
        LocalDate requestedOn, String requestChannel, String requestedBy, Instant requestedAt, String outcome,
        String reasons, String reviewer, Instant decidedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean intakeUpdated,
        @JsonInclude(JsonInclude.Include.NON_NULL) String intakeMessage) {

    public static ReviewView of(AssessmentReview r, IntakeEffects.Outcome intake) {
        return new ReviewView(r.id, r.requestId, r.assessmentId, r.assessmentVersion,
                r.decided() ? r.outcome : "requested", r.requestedOn, r.requestChannel, r.requestedBy, r.requestedAt,
                r.outcome, r.reasons, r.reviewer, r.decidedAt, intake == null ? null : intake.updated(),
                intake == null ? null : intake.message());
    }
}
