package org.ehiaccess.reporting.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a delivery (one event, or an array of them) strictly: every field is checked against its type's contract
 * ({@link EventType}, {@link DataKey}) and every problem is reported naming its field ({@code [2].data.note}), so a
 * batch is stored whole or not at all.
 */
public final class EventParser {

    public static final int MAX_BATCH = 500;
    static final Set<String> FIELDS = Set.of("eventId", "clinicId", "requestId", "sequence", "type", "occurredAt",
            "data");
    static final Pattern CLINIC_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    private EventParser() {
    }

    public static List<Event> parse(JsonNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        if (body == null || body.isNull()) {
            throw ProblemException.invalid("body", "must be an event or an array of events");
        }
        if (body.isArray()) {
            if (body.isEmpty() || body.size() > MAX_BATCH) {
                throw ProblemException.invalid("body", "must hold 1 to " + MAX_BATCH + " events");
            }
            for (int i = 0; i < body.size(); i++) {
                Event event = one(body.get(i), "[" + i + "].", errors);
                if (event != null) {
                    events.add(event);
                }
            }
        } else {
            Event event = one(body, "", errors);
            if (event != null) {
                events.add(event);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return events;
    }

    private static Event one(JsonNode node, String at, List<Problem.FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new Problem.FieldError(at.isEmpty() ? "body" : at.substring(0, at.length() - 1),
                    "must be an event object"));
            return null;
        }
        int before = errors.size();
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(at + name, "is not a field of an event"));
            }
        }
        UUID eventId = uuid(node, "eventId", at, true, errors);
        String clinicId = text(node, "clinicId", at, errors);
        if (clinicId != null && !CLINIC_ID.matcher(clinicId).matches()) {
            errors.add(new Problem.FieldError(at + "clinicId", "must be a clinic id (letters, digits, _ and -)"));
        }
        EventType type = null;
        String typeText = text(node, "type", at, errors);
        if (typeText != null) {
            type = EventType.of(typeText).orElse(null);
            if (type == null) {
                errors.add(new Problem.FieldError(at + "type", "is not an event type reporting-service takes"));
            }
        }
        Long sequence = null;
        JsonNode seq = node.get("sequence");
        if (seq == null || seq.isNull()) {
            errors.add(new Problem.FieldError(at + "sequence", "is required"));
        } else if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 0) {
            errors.add(new Problem.FieldError(at + "sequence", "must be a whole number, 0 or more"));
        } else {
            sequence = seq.longValue();
        }
        Instant occurredAt = null;
        String occurred = text(node, "occurredAt", at, errors);
        if (occurred != null) {
            if (!DataKey.isInstant(occurred)) {
                errors.add(new Problem.FieldError(at + "occurredAt",
                        "must be an instant as ISO 8601 text (2026-12-07T15:00:00Z)"));
            } else {
                // PostgreSQL keeps microseconds: a re-delivery compares equal to what was stored
                occurredAt = Instant.parse(occurred).truncatedTo(ChronoUnit.MICROS);
            }
        }
        UUID requestId = null;
        if (type != null) {
            if (type.aboutRequest) {
                requestId = uuid(node, "requestId", at, true, errors);
            } else if (node.has("requestId") && !node.get("requestId").isNull()) {
                errors.add(new Problem.FieldError(at + "requestId",
                        "must be null for " + type.wire + " (data.linkedRequestId names the request)"));
            }
        } else {
            requestId = uuid(node, "requestId", at, false, errors);
        }
        ObjectNode data = null;
        JsonNode dataNode = node.get("data");
        if (dataNode == null || dataNode.isNull()) {
            errors.add(new Problem.FieldError(at + "data", "is required (an object, {} when empty)"));
        } else if (!dataNode.isObject()) {
            errors.add(new Problem.FieldError(at + "data", "must be an object"));
        } else {
            data = (ObjectNode) dataNode;
            if (type != null) {
                checkData(type, data, at + "data.", errors);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new Event(eventId, clinicId, requestId, type, sequence, occurredAt, data);
    }

    private static void checkData(EventType type, ObjectNode data, String at, List<Problem.FieldError> errors) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            DataKey key = key(field.getKey());
            if (key == null || !type.allows(key)) {
                errors.add(new Problem.FieldError(at + field.getKey(), "is not a data key of " + type.wire
                        + " (events carry codes, ids and dates only)"));
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                // only an optional link may be cleared
                if (!(type == EventType.COMPLAINT_UPDATED && key == DataKey.linkedRequestId)) {
                    errors.add(new Problem.FieldError(at + field.getKey(), "must not be null"));
                }
                continue;
            }
            String problem = key.problem(value);
            if (problem != null) {
                errors.add(new Problem.FieldError(at + field.getKey(), problem));
            }
        }
        for (DataKey key : type.required) {
            if (!data.has(key.name())) {
                errors.add(new Problem.FieldError(at + key.name(), "is required for " + type.wire));
            }
        }
    }

    private static DataKey key(String name) {
        for (DataKey key : DataKey.values()) {
            if (key.name().equals(name)) {
                return key;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field, String at, List<Problem.FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(new Problem.FieldError(at + field, "is required"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError(at + field, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    private static UUID uuid(JsonNode node, String field, String at, boolean required, List<Problem.FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new Problem.FieldError(at + field, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || !DataKey.isUuid(value.textValue())) {
            errors.add(new Problem.FieldError(at + field, "must be a UUID"));
            return null;
        }
        return UUID.fromString(value.textValue());
    }
}
