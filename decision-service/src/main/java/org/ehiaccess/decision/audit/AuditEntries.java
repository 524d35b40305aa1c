package org.ehiaccess.decision.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.platform.audit.AuditLog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keeps platform's audit trail of decisions and settings in {@code audit_entry}, the values as JSON. */
@ApplicationScoped
public class AuditEntries implements AuditLog {

    @Inject
    ObjectMapper json;

    @Override
    public void append(Line line) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.entityType = line.subjectType();
        entry.entityId = line.subjectId();
        entry.action = line.action();
        entry.actor = line.actor();
        entry.occurredAt = line.at();
        entry.beforeValue = write(line.before());
        entry.afterValue = write(line.after());
        entry.persist();
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
}
