package org.ehiaccess.reporting.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One domain event as received and stored; {@code data} holds only the keys its type allows. */
public record Event(UUID eventId, String clinicId, UUID requestId, EventType type, long sequence, Instant occurredAt,
        ObjectNode data) {

    /** A data value as text, or null when absent or JSON null. */
    public String text(DataKey key) {
        var value = data.get(key.name());
        return value == null || value.isNull() ? null : value.textValue();
    }

    public boolean has(DataKey key) {
        return data.has(key.name());
    }

    public Instant instant(DataKey key) {
        String text = text(key);
        return text == null ? null : Instant.parse(text);
    }

    public UUID uuid(DataKey key) {
        String text = text(key);
        return text == null ? null : UUID.fromString(text);
    }
}
