package org.ehiaccess.decision.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.clinic.ClinicContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records every change to a decision or a setting in the same transaction as the change (ARCHITECTURE.md "Audit"):
 * who, when, what, and the values before and after. The trail is append-only.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String ASSESSMENT = "assessment";
    public static final String DENIAL_REASONS = "denial_reasons";
    public static final String LETTER_SETTINGS = "letter_settings";
    public static final String LETTER_TEMPLATE = "letter_template";
    public static final String LETTER = "letter";
    public static final String REVIEW = "review";

    @Inject
    ClinicContext clinic;

    @Inject
    ObjectMapper json;

    /** One line of the trail as the API shows it. */
    public record Entry(Instant at, String actor, String action, String entityType, String entityId, JsonNode before,
            JsonNode after) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, Object entityId, String action, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.entityType = entityType;
        entry.entityId = String.valueOf(entityId);
        entry.action = action;
        entry.actor = clinic.actor();
        entry.occurredAt = Instant.now();
        entry.beforeValue = write(before);
        entry.afterValue = write(after);
        entry.persist();
    }

    /** The trail of one record, oldest first. */
    public List<Entry> of(String entityType, Object entityId) {
        return AuditEntry.of(entityType, String.valueOf(entityId)).stream()
                .map(e -> new Entry(e.occurredAt, e.actor, e.action, e.entityType, e.entityId, read(e.beforeValue),
                        read(e.afterValue)))
                .toList();
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return value instanceof String text ? json.writeValueAsString(text) : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an audit value", e);
        }
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
