package org.ehiaccess.ui.client.decision;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Which questions the worksheet asks for the answers so far, as decision-service reads the catalog's {@code asks_when}
 * ({@code POST /api/v1/catalog/questions}): each fact and condition asked, not asked, or waiting for the answer it
 * depends on; and the HIPAA right-of-access questions the practice needs, in order.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionQuestions(Map<String, Asked> facts, Map<String, Asked> conditions, List<String> hipaa) {

    public DecisionQuestions {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        conditions = conditions == null ? Map.of() : Map.copyOf(conditions);
        hipaa = hipaa == null ? List.of() : List.copyOf(hipaa);
    }

    /** When decision-service cannot be asked: nothing is hidden, and no HIPAA list is known. */
    public static final DecisionQuestions UNKNOWN = new DecisionQuestions(null, null, null);

    /** {@code state}: asked, not_asked or waiting; {@code dependsOn}: the fact it waits for, or null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Asked(String state, String dependsOn) {

        static final Asked ASKED = new Asked("asked", null);

        public boolean asked() {
            return "asked".equals(state);
        }

        public boolean notAsked() {
            return "not_asked".equals(state);
        }

        public boolean waiting() {
            return "waiting".equals(state);
        }
    }

    public Asked fact(String id) {
        return facts.getOrDefault(id, Asked.ASKED);
    }

    public Asked condition(String id) {
        return conditions.getOrDefault(id, Asked.ASKED);
    }
}
