package org.ehiaccess.decision.assessment;

import java.time.Instant;
import java.util.UUID;

import org.ehiaccess.decision.intake.IntakeEffects;
import org.ehiaccess.decision.review.AssessmentReview;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An assessment as the API shows it: the case, the stored result, and its signature. {@code review_status} is null,
 * requested, upheld or reversed (the review itself: GET .../review). {@code intake_updated} and {@code intake_message}
 * appear only on the answer to signing: whether intake-service took the timeline note and clocks.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssessmentView(UUID id, UUID requestId, int version, String ruleset, String verdict, JsonNode practice,
        JsonNode facts, JsonNode result, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
        boolean signed, String signedBy, String signedRole, Instant signedAt, String determinedBy,
        String reviewStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean intakeUpdated,
        @JsonInclude(JsonInclude.Include.NON_NULL) String intakeMessage) {

    static AssessmentView of(Assessment a, ObjectMapper json) {
        return of(a, json, null);
    }

    static AssessmentView of(Assessment a, ObjectMapper json, IntakeEffects.Outcome intake) {
        JsonNode input = read(json, a.input);
        AssessmentReview review = a.signed() ? AssessmentReview.ofAssessment(a.id) : null;
        String reviewStatus = review == null ? null : review.decided() ? review.outcome : "requested";
        return new AssessmentView(a.id, a.requestId, a.versionNumber, a.ruleset, a.verdict, input.get("practice"),
                input.get("facts"), read(json, a.result), a.createdBy, a.createdAt, a.updatedBy, a.updatedAt,
                a.signed(), a.signedBy, a.signedRole, a.signedAt, a.determinedBy, reviewStatus,
                intake == null ? null : intake.updated(), intake == null ? null : intake.message());
    }

    private static JsonNode read(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assessment JSON is unreadable", e);
        }
    }
}
