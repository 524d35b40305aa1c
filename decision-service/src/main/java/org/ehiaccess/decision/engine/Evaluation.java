package org.ehiaccess.decision.engine;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The engine's answer (the body of {@code POST /api/v1/evaluations}), plus a plain-language {@code summary}. */
@JsonPropertyOrder({ "verdict", "exception_ids", "satisfied_conditions", "unmet_conditions", "other_candidates_unmet",
        "missing_facts", "obligations", "hipaa", "documentation_required", "warnings", "ruleset", "summary" })
public record Evaluation(
        @JsonProperty("verdict") Verdict verdict,
        @JsonProperty("exception_ids") List<String> exceptionIds,
        @JsonProperty("satisfied_conditions") List<String> satisfiedConditions,
        @JsonProperty("unmet_conditions") List<UnmetCondition> unmetConditions,
        @JsonProperty("other_candidates_unmet") List<UnmetCondition> otherCandidatesUnmet,
        @JsonProperty("missing_facts") List<String> missingFacts,
        @JsonProperty("obligations") List<Obligation> obligations,
        @JsonProperty("hipaa") HipaaStatus hipaa,
        @JsonProperty("documentation_required") List<String> documentationRequired,
        @JsonProperty("warnings") List<String> warnings,
        @JsonProperty("ruleset") String ruleset,
        @JsonProperty("summary") String summary) {
}
