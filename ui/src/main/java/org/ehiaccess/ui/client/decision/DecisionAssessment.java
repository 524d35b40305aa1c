package org.ehiaccess.ui.client.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One version of a request's exception analysis, as decision-service keeps it: the practice and facts, the
 * engine's result, who made and signed it, the review of a reviewable denial, and its ETag. Unsigned: the worksheet's
 * draft. Signed: locked; a change is a new version.
 */
public record DecisionAssessment(UUID id, UUID requestId, int version, String ruleset, String verdict,
        Map<String, Object> practice, Map<String, Object> facts, DecisionVerdict result, String createdBy,
        Instant createdAt, String updatedBy, Instant updatedAt, boolean signed, String signedBy, String signedRole,
        Instant signedAt, Review review, String etag) {

    public DecisionAssessment {
        practice = practice == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(practice));
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /**
     * The independent review of a reviewable denial (164.524(a)(4)): asked for when, by whom, due when; decided by
     * whom, when, with what outcome and reasons. Null fields: not (yet) known.
     */
    public record Review(Instant requestedAt, String requestedBy, LocalDate dueDate, String outcome, String reasons,
            String reviewedBy, Instant reviewedAt) {

        public boolean requested() {
            return requestedAt != null || requestedBy != null;
        }

        public boolean decided() {
            return outcome != null && !outcome.isBlank();
        }

        /** "Upheld" or "Reversed" */
        public String outcomeLabel() {
            if (outcome == null) {
                return "";
            }
            return switch (outcome) {
                case "upheld" -> "Upheld";
                case "reversed" -> "Reversed";
                default -> outcome;
            };
        }
    }

    public String practiceType() {
        Object type = practice.get("type");
        return type == null ? null : type.toString();
    }

    public String claimedBasis() {
        Object basis = practice.get("claimed_basis");
        return basis == null ? null : basis.toString();
    }

    @SuppressWarnings("unchecked")
    public List<String> motives() {
        Object motive = practice.get("motive");
        if (motive instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** "Privacy officer" or "Clinician" */
    public String signedRoleLabel() {
        if (signedRole == null) {
            return "";
        }
        return switch (signedRole) {
            case "privacy-officer" -> "Privacy officer";
            case "clinician" -> "Clinician";
            default -> signedRole;
        };
    }

    public boolean reviewRequested() {
        return review != null && review.requested();
    }

    public boolean reviewDecided() {
        return review != null && review.decided();
    }

    /** Reads the API's JSON (snake_case; camelCase accepted too) and the response's ETag. */
    static DecisionAssessment of(JsonNode node, String etag, ObjectMapper json) {
        Map<String, Object> practice = map(json, node.get("practice"));
        Map<String, Object> facts = map(json, node.get("facts"));
        DecisionVerdict result = node.hasNonNull("result") ? json.convertValue(node.get("result"), DecisionVerdict.class) : null;
        return new DecisionAssessment(uuid(text(node, "id")), uuid(text(node, "request_id", "requestId")),
                node.path("version").asInt(0), text(node, "ruleset"), text(node, "verdict"), practice, facts, result,
                text(node, "created_by", "createdBy"), instant(text(node, "created_at", "createdAt")),
                text(node, "updated_by", "updatedBy"), instant(text(node, "updated_at", "updatedAt")),
                node.path("signed").asBoolean(false) || text(node, "signed_at", "signedAt") != null,
                text(node, "signed_by", "signedBy"), text(node, "signed_role", "signedRole"),
                instant(text(node, "signed_at", "signedAt")), review(node), etag);
    }

    private static Review review(JsonNode node) {
        JsonNode r = node.get("review");
        Review review;
        if (r != null && r.isObject()) {
            review = new Review(instant(text(r, "requested_at", "requestedAt")), text(r, "requested_by", "requestedBy"),
                    date(text(r, "due_date", "dueDate", "due_on", "dueOn")), text(r, "outcome"), text(r, "reasons"),
                    text(r, "reviewed_by", "reviewedBy", "reviewer"), instant(text(r, "reviewed_at", "reviewedAt")));
        } else {
            review = new Review(instant(text(node, "review_requested_at", "reviewRequestedAt")),
                    text(node, "review_requested_by", "reviewRequestedBy"),
                    date(text(node, "review_due_date", "reviewDueDate", "review_due_on", "reviewDueOn")),
                    text(node, "review_outcome", "reviewOutcome"), text(node, "review_reasons", "reviewReasons"),
                    text(node, "reviewed_by", "reviewedBy"), instant(text(node, "reviewed_at", "reviewedAt")));
        }
        return review.requested() || review.decided() ? review : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(ObjectMapper json, JsonNode node) {
        if (node == null || !node.isObject()) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> values = json.convertValue(node, LinkedHashMap.class);
        // lists as lists of strings, so that templates and the worksheet compare like with like
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v instanceof List<?> l ? new ArrayList<>(l.stream().map(String::valueOf).toList()) : v));
        return copy;
    }

    static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                String text = value.asText();
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
