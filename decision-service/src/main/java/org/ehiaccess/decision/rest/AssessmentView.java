package org.ehiaccess.decision.rest;

import java.time.Instant;
import java.util.UUID;

import org.ehiaccess.decision.assessment.Assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An assessment as the API shows it: the case, the stored result, and its signature. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssessmentView(UUID id, UUID requestId, int version, String ruleset, String verdict, JsonNode practice,
        JsonNode facts, JsonNode result, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
        boolean signed, String signedBy, String signedRole, Instant signedAt) {

    static AssessmentView of(Assessment a, ObjectMapper json) {
        JsonNode input = read(json, a.input);
        return new AssessmentView(a.id, a.requestId, a.versionNumber, a.ruleset, a.verdict, input.get("practice"),
                input.get("facts"), read(json, a.result), a.createdBy, a.createdAt, a.updatedBy, a.updatedAt,
                a.signed(), a.signedBy, a.signedRole, a.signedAt);
    }

    private static JsonNode read(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assessment JSON is unreadable", e);
        }
    }
}
