package org.ehiaccess.decision.rest;

import java.time.Instant;
import java.util.UUID;

import org.ehiaccess.decision.assessment.AssessmentEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One audit-trail entry of an assessment. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssessmentEventView(UUID id, String kind, String actor, Instant at, JsonNode before, JsonNode after) {

    static AssessmentEventView of(AssessmentEvent event, ObjectMapper json) {
        try {
            return new AssessmentEventView(event.id, event.kind, event.actor, event.at,
                    event.before == null ? null : json.readTree(event.before), json.readTree(event.after));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit entry is unreadable", e);
        }
    }
}
