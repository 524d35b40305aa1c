package org.ehiaccess.ui.worksheet;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ehiaccess.ui.client.decision.DecisionAssessment;
import org.ehiaccess.ui.client.decision.DecisionCatalog;
import org.ehiaccess.ui.client.intake.RequestRecord;

/**
 * The case a worksheet builds: what the clinic does ({@code practice}: type, claimed basis, motives) and the facts,
 * in the catalog's vocabulary. It is saved server-side as the request's unsigned assessment after every answer, so
 * a reload keeps it; nothing of it is kept in the browser.
 */
final class Draft {

    static final String TYPE = "practice.type";
    static final String BASIS = "practice.claimed_basis";
    static final String MOTIVE = "practice.motive";
    static final String AS_OF = "eval.as_of_date";

    /** The catalog's request facts (its {@code request.} namespace): the intake record gives them; asked when it lacks them. */
    static List<String> requestFacts(DecisionCatalog catalog) {
        return catalog.facts().stream().map(DecisionCatalog.Fact::id).filter(id -> id.startsWith("request.")).toList();
    }

    private final Map<String, Object> facts = new LinkedHashMap<>();
    private String type;
    private String basis;
    private List<String> motives = new ArrayList<>();

    static Draft empty() {
        return new Draft();
    }

    static Draft of(DecisionAssessment assessment) {
        Draft draft = new Draft();
        if (assessment == null) {
            return draft;
        }
        draft.facts.putAll(assessment.facts());
        draft.type = assessment.practiceType();
        draft.basis = assessment.claimedBasis();
        draft.motives = new ArrayList<>(assessment.motives());
        // a practice field repeated among the facts lives in the practice object only
        draft.facts.remove(TYPE);
        draft.facts.remove(BASIS);
        draft.facts.remove(MOTIVE);
        return draft;
    }

    /** The request's facts from the request log, where the draft does not have them yet. */
    void prefill(RequestRecord request, ZoneId zone) {
        if (request == null) {
            return;
        }
        if (request.requesterType() != null) {
            facts.putIfAbsent("request.requester_type", request.requesterType().wire());
        }
        if (request.receivedAt() != null) {
            facts.putIfAbsent("request.received_date", request.receivedAt().atZone(zone).toLocalDate().toString());
        }
        if (request.purpose() != null) {
            facts.putIfAbsent("request.purpose", request.purpose().wire());
        }
        List<String> classes = new ArrayList<>(request.ehiClasses().stream().map(c -> c.wire()).toList());
        if (request.allEhi() && !classes.contains("full_record")) {
            classes.add("full_record");
        }
        if (!classes.isEmpty()) {
            facts.putIfAbsent("request.ehi_classes", classes);
        }
        if (request.mannerRequested() != null) {
            facts.putIfAbsent("request.manner_requested", request.mannerRequested().wire());
        }
        // verification is a fact only once it happened: "not yet" is unknown, not false
        if (request.identityVerification() != null) {
            facts.putIfAbsent("request.identity_verified", Boolean.TRUE);
        }
        if (request.authorityVerification() != null) {
            facts.putIfAbsent("request.authority_verified", Boolean.TRUE);
        }
    }

    String type() {
        return type;
    }

    String basis() {
        return basis;
    }

    List<String> motives() {
        return List.copyOf(motives);
    }

    boolean hasType() {
        return type != null && !type.isBlank();
    }

    void setType(String value) {
        type = blank(value) ? null : value;
    }

    void setBasis(String value) {
        basis = blank(value) ? null : value;
    }

    void setMotives(List<String> values) {
        motives = new ArrayList<>(values);
    }

    Object get(String factId) {
        return switch (factId) {
            case TYPE -> type;
            case BASIS -> basis;
            case MOTIVE -> motives.isEmpty() && basis == null && type == null ? null : List.copyOf(motives);
            default -> facts.get(factId);
        };
    }

    boolean has(String factId) {
        Object value = get(factId);
        return value != null && !(value instanceof String s && s.isBlank());
    }

    void set(String factId, Object value) {
        switch (factId) {
            case TYPE -> setType(value == null ? null : value.toString());
            case BASIS -> setBasis(value == null ? null : value.toString());
            case MOTIVE -> setMotives(value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of());
            default -> {
                if (value == null) {
                    facts.remove(factId);
                } else {
                    facts.put(factId, value);
                }
            }
        }
    }

    /** Everything answered, with the practice as facts: what asks_when reads (decision-service applies the defaults). */
    Map<String, Object> answers() {
        Map<String, Object> answers = new LinkedHashMap<>(facts);
        if (type != null) {
            answers.put(TYPE, type);
        }
        answers.put(BASIS, basis == null ? "none" : basis);
        answers.put(MOTIVE, List.copyOf(motives));
        return answers;
    }

    Map<String, Object> facts() {
        return java.util.Collections.unmodifiableMap(facts);
    }

    /** The API body {@code {practice: {type, claimed_basis, motive}, facts: {...}}}. */
    Map<String, Object> body() {
        Map<String, Object> practice = new LinkedHashMap<>();
        practice.put("type", type);
        practice.put("claimed_basis", basis == null ? "none" : basis);
        practice.put("motive", List.copyOf(motives));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("practice", practice);
        body.put("facts", new LinkedHashMap<>(facts));
        return body;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
