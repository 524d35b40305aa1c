package org.ehiaccess.decision.assessment;

import java.time.Instant;

import org.ehiaccess.decision.audit.AuditTrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One audit-trail entry of an assessment (snake_case, like the assessment itself). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssessmentEventView(String kind, String actor, Instant at, JsonNode before, JsonNode after) {

    static AssessmentEventView of(AuditTrail.Entry entry) {
        return new AssessmentEventView(entry.action(), entry.actor(), entry.at(), entry.before(), entry.after());
    }
}
