package org.ehiaccess.ui.client.decision;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * decision-service's verdict object (question-catalog.md §4.1), as this UI reads it: the verdict, the conditions met
 * and unmet, the facts still missing, the obligations with due dates, the HIPAA track, what to document.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DecisionVerdict(String verdict, List<String> exceptionIds, List<String> satisfiedConditions,
        List<Unmet> unmetConditions, List<Unmet> otherCandidatesUnmet, List<String> missingFacts,
        List<Obligation> obligations, Hipaa hipaa, List<String> documentationRequired, List<String> warnings,
        String ruleset, String summary) {

    public DecisionVerdict {
        exceptionIds = exceptionIds == null ? List.of() : List.copyOf(exceptionIds);
        satisfiedConditions = satisfiedConditions == null ? List.of() : List.copyOf(satisfiedConditions);
        unmetConditions = unmetConditions == null ? List.of() : List.copyOf(unmetConditions);
        otherCandidatesUnmet = otherCandidatesUnmet == null ? List.of() : List.copyOf(otherCandidatesUnmet);
        missingFacts = missingFacts == null ? List.of() : List.copyOf(missingFacts);
        obligations = obligations == null ? List.of() : List.copyOf(obligations);
        documentationRequired = documentationRequired == null ? List.of() : List.copyOf(documentationRequired);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** An unmet condition: its ID, the CFR paragraph, the facts behind it and why, in plain words. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unmet(String condition, String cfr, List<String> facts, String reason) {
        public Unmet {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }

    /** A duty with a due date: pending, met or missed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Obligation(String id, String cfr, String dueDate, String status) {
    }

    /** The HIPAA right-of-access track (164.524) beside Part 171. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hipaa(String status, List<String> issues) {
        public Hipaa {
            issues = issues == null ? List.of() : List.copyOf(issues);
        }
    }
}
