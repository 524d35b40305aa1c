package org.ehiaccess.decision.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Platform's audit trail ({@code record}: who, when, what, before and after, in the same transaction as the change)
 * with decision-service's audited records and the trail as the API shows it. {@link AuditEntries} stores the values
 * as JSON.
 */
@ApplicationScoped
public class AuditTrail extends org.ehiaccess.platform.audit.AuditTrail {

    public static final String ASSESSMENT = "assessment";
    public static final String DENIAL_REASONS = "denial_reasons";
    public static final String LETTER_SETTINGS = "letter_settings";
    public static final String LETTER_TEMPLATE = "letter_template";
    public static final String LETTER = "letter";
    public static final String REVIEW = "review";

    @Inject
    ObjectMapper json;

    /** One line of the trail as the API shows it. */
    public record Entry(Instant at, String actor, String action, String entityType, String entityId, JsonNode before,
            JsonNode after) {
    }

    /** The trail of one record, oldest first. */
    public List<Entry> of(String entityType, Object entityId) {
        return AuditEntry.of(entityType, String.valueOf(entityId)).stream()
                .map(e -> new Entry(e.occurredAt, e.actor, e.action, e.entityType, e.entityId, read(e.beforeValue),
                        read(e.afterValue)))
                .toList();
    }

    private JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit value is unreadable", e);
        }
    }
}
